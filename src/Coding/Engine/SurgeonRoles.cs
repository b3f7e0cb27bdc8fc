using System.Linq;
using IntraperitonealCoding.Maintenance;
using IntraperitonealCoding.Rules;

namespace IntraperitonealCoding.Engine;

/// <summary>
/// The practitioner's role on a professional claim: its modifier (62, 80, 82, AS) on every procedure line, and a warning
/// when an assisting practitioner reports the HIPEC add-on codes, which belong to the surgeon of the primary procedure.
/// </summary>
internal static class SurgeonRoles
{
    public static void Apply(CodingContext context)
    {
        if (context.Case.Claim != ClaimType.Professional || context.Case.Details.SurgeonRole is not { } role)
        {
            return;
        }

        SurgeonRoleRule? rule = context.Rules.Tables.SurgeonRoles.FirstOrDefault(r => r.Role == role);
        if (rule is null)
        {
            return;
        }

        if (rule.Modifier is { } modifier)
        {
            context.AddModifier(l => l.Category != LineCategory.Drug, modifier, first: true);
        }

        context.UseNotes(rule.Notes);
        if (rule.Assists && context.Lines.Any(l => l.Category == LineCategory.Hipec))
        {
            context.AddFinding(
                FindingIds.AddOnByAssistant,
                Severity.Warning,
                $"The HIPEC codes are add-on codes of the surgeon who did the primary procedure; this claim is an assisting practitioner's ({WireNames.Of(role)}). Report them only if this practitioner did the perfusion, and check that the surgeon's claim does not carry them too.",
                "surgeon_role",
                null);
        }
    }
}
