using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using IntraperitonealCoding.Documents;
using IntraperitonealCoding.Infrastructure;
using IntraperitonealCoding.Maintenance.Import;

namespace IntraperitonealCoding.Tool;

/// <summary>
/// The <c>coding rules import</c> command: an official CMS file into the rule set's table. The file must be a regular
/// file within the size and line limits; the new table must load with the rest of the rule set (the loader's own
/// checks and limits) before it is written beside the old one and renamed over it. Anything else is exit 2 and
/// nothing is written.
/// </summary>
internal static class ImportCommand
{
    /// <summary>The largest official file read by default (512 MiB; the largest CMS file, a PTP part, is far smaller).</summary>
    internal const long DefaultMaxFileBytes = 512L << 20;

    public static Command Create(CommandContext context)
    {
        var kind = ChoiceOption.Argument<ImportKind>("kind", "Which CMS file: add-on codes, PTP edits, MUEs, the ICD-10-CM or ICD-10-PCS order file, or the inpatient-only list (OPPS Addendum B).");
        var file = new Argument<FileInfo>("file") { Description = "The official CMS file, in its published layout." };
        var outDirectory = new Option<DirectoryInfo>("--out")
        {
            Description = "The rule set directory whose table is updated (default: data).",
            DefaultValueFactory = _ => new DirectoryInfo("data"),
        };
        var codes = new Option<string?>("--codes") { Description = "Codes to keep, comma-separated, or 'all' (default: the codes the rule set uses)." };
        var table = new Option<string>("--table") { Description = "PTP and MUE: practitioner or outpatient_hospital (default practitioner).", DefaultValueFactory = _ => "practitioner" };
        table.AcceptOnlyFromAmong("practitioner", "outpatient_hospital");
        var from = ChoiceOption.Date("--effective-from", "MUE and ipo: the first day the file's values apply.");
        var year = new Option<int?>("--fiscal-year") { Description = "icd10cm and icd10pcs: the order file's fiscal year (2027 = 1 Oct 2026 to 30 Sep 2027)." };
        var release = new Option<string?>("--release") { Description = "The release the table is keyed from (default: from the dates, e.g. 2027 Q1)." };
        var maxFileBytes = new Option<long>("--max-file-bytes")
        {
            Description = $"The largest official file read, in bytes (default {DefaultMaxFileBytes}).",
            DefaultValueFactory = _ => DefaultMaxFileBytes,
        };
        var maxLineBytes = new Option<int>("--max-line-bytes")
        {
            Description = $"The longest line of the official file read, in characters (default {ReadLimits.DefaultMaxLineBytes}).",
            DefaultValueFactory = _ => ReadLimits.DefaultMaxLineBytes,
        };
        var command = new Command("import", "Import an official CMS file (AOC, PTP, MUE, ICD-10-CM/PCS order file, OPPS Addendum B) into its rule table. The rule file's size limit is CODING_MAX_RULE_FILE_BYTES, as for every command.")
        {
            kind, file, outDirectory, codes, table, from, year, release, maxFileBytes, maxLineBytes,
        };
        command.SetAction(parse =>
        {
            long fileBytes = parse.GetValue(maxFileBytes);
            int lineBytes = parse.GetValue(maxLineBytes);
            if (fileBytes < 1 || lineBytes is < 1 or > 1 << 30)
            {
                context.Stderr.WriteLine("coding: --max-file-bytes must be at least 1, and --max-line-bytes from 1 to 1073741824.");
                return ExitCodes.Unreadable;
            }

            var request = new Request(
                parse.GetValue(kind),
                parse.GetValue(file)!,
                parse.GetValue(outDirectory)!,
                parse.GetValue(codes),
                parse.GetValue(table) == "outpatient_hospital" ? NcciTable.OutpatientHospital : NcciTable.Practitioner,
                parse.GetValue(from),
                parse.GetValue(year),
                parse.GetValue(release),
                fileBytes,
                lineBytes);
            return Run(request, context.RuleLimits, context.Stdout, context.Stderr);
        });
        return command;
    }

    internal static int Run(Request request, ReadLimits ruleLimits, TextWriter stdout, TextWriter stderr)
    {
        string[]? codes = Codes(request.Codes, stderr, out bool badCodes);
        if (badCodes)
        {
            return ExitCodes.Unreadable;
        }

        FileInfo file = request.File;
        if (Unusable(file.FullName, request.MaxFileBytes) is { } refusal)
        {
            stderr.WriteLine(refusal.ToString());
            stderr.WriteLine($"coding: {file.Name} was not imported; nothing was written.");
            return ExitCodes.Unreadable;
        }

        RuleSet? rules = CliApp.LoadRules(request.OutDirectory, stderr, ruleLimits);
        if (rules is null)
        {
            return ExitCodes.Unreadable;
        }

        ReadLimits limits = ruleLimits.WithMaxLineBytes(request.MaxLineBytes);
        string target = Path.Combine(request.OutDirectory.FullName, RuleTableImport.TargetFile(request.Kind));
        ImportOutcome outcome;
        try
        {
            using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            using var reader = new StreamReader(new BoundedStream(stream, request.MaxFileBytes));
            var options = new ImportOptions(codes, request.Table, request.EffectiveFrom, request.FiscalYear, request.Release, limits);
            outcome = RuleTableImport.Import(rules, request.Kind, reader, file.FullName, File.ReadAllText(target), options);
        }
        catch (BoundedStream.LimitException)
        {
            stderr.WriteLine(new DataError(DataErrorIds.LimitExceeded, SourceText.TooLargeMessage("The file", null, request.MaxFileBytes, "raise it with --max-file-bytes"), file.FullName, 0, 0).ToString());
            stderr.WriteLine($"coding: {file.Name} was not imported; nothing was written.");
            return ExitCodes.Unreadable;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"coding: cannot read {file}: {ex.Message}");
            return ExitCodes.Unreadable;
        }

        if (!outcome.Succeeded)
        {
            foreach (var error in outcome.Errors)
            {
                stderr.WriteLine(error.ToString());
            }

            stderr.WriteLine($"coding: {outcome.Errors.Count} problem(s) in {file.Name}; nothing was written.");
            return ExitCodes.Unreadable;
        }

        // The rule set must load with the new table, by the loader's own checks and limits, before anything is written.
        var loadErrors = RuleTableImport.CheckLoads(request.OutDirectory.FullName, request.Kind, outcome.Yaml!, limits);
        if (loadErrors.Count > 0)
        {
            foreach (var error in loadErrors)
            {
                stderr.WriteLine(error.ToString());
            }

            stderr.WriteLine($"coding: the rule set would not load with the table imported from {file.Name} ({loadErrors.Count} problem(s)); nothing was written.");
            return ExitCodes.Unreadable;
        }

        return Write(target, outcome, file, request.OutDirectory, stdout, stderr);
    }

    /// <summary>The codes to keep: null for the rule set's, empty for 'all', else the list; a list with no code in it is refused.</summary>
    private static string[]? Codes(string? text, TextWriter stderr, out bool bad)
    {
        bad = false;
        if (text is null)
        {
            return null;
        }

        if (text.Trim().Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            return Array.Empty<string>();
        }

        string[] codes = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (codes.Length == 0)
        {
            // Read as "no filter", an empty list would keep every row: the opposite of what was asked.
            stderr.WriteLine($"coding: --codes '{text}' lists no code; give codes separated by commas, or 'all' for every row.");
            bad = true;
        }

        return codes;
    }

    /// <summary>Why the file cannot be imported before it is opened (so a FIFO cannot block and a device is never read), or null.</summary>
    private static DataError? Unusable(string path, long maxBytes)
    {
        FileKind kind = FileStatus.KindOf(path);
        string? reason = kind switch
        {
            FileKind.Missing => "no such file.",
            FileKind.Directory => "it is a directory, not a file.",
            FileKind.Device or FileKind.Pipe => "it is not a regular file (a device, FIFO or socket); only regular files are imported.",
            _ => null,
        };
        if (reason is not null)
        {
            return new DataError(DataErrorIds.Unreadable, "Cannot read the file: " + reason, path, 0, 0);
        }

        long length = new FileInfo(path).Length;
        return length > maxBytes
            ? new DataError(DataErrorIds.LimitExceeded, SourceText.TooLargeMessage("The file", length, maxBytes, "raise it with --max-file-bytes"), path, 0, 0)
            : null;
    }

    private static int Write(string target, ImportOutcome outcome, FileInfo file, DirectoryInfo outDirectory, TextWriter stdout, TextWriter stderr)
    {
        // Written beside the target and renamed over it, so a table is never left half written.
        string temporary = target + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        try
        {
            File.WriteAllText(temporary, outcome.Yaml!);
            File.Move(temporary, target, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"coding: cannot remove {temporary}: {cleanup.Message}");
            }

            stderr.WriteLine($"coding: cannot write {target}: {ex.Message}");
            return ExitCodes.Unreadable;
        }

        stdout.WriteLine($"{target}: {outcome.RowsKept} of {outcome.RowsRead} rows kept from {file.Name}. Next: 'coding rules validate {outDirectory}' and 'coding rules diff OLD {outDirectory}'.");
        return ExitCodes.Ready;
    }

    /// <summary>What one import was asked to do.</summary>
    internal sealed record Request(ImportKind Kind, FileInfo File, DirectoryInfo OutDirectory, string? Codes, NcciTable Table, DateTime? EffectiveFrom, int? FiscalYear, string? Release, long MaxFileBytes, int MaxLineBytes);

    /// <summary>A read-only stream that stops with <see cref="LimitException"/> past a number of bytes, whatever length the file claims.</summary>
    private sealed class BoundedStream : Stream
    {
        private readonly Stream inner;
        private readonly long maxBytes;
        private long read;

        public BoundedStream(Stream inner, long maxBytes)
        {
            this.inner = inner;
            this.maxBytes = maxBytes;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = inner.Read(buffer, offset, count);
            read += n;
            if (read > maxBytes)
            {
                throw new LimitException();
            }

            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        /// <summary>The file grew past the limit while it was read (a file whose length lies, such as one under /proc).</summary>
        internal sealed class LimitException : Exception
        {
            public LimitException()
                : base("The file is larger than the limit.")
            {
            }
        }
    }
}
