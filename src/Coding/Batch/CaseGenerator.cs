using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Newtonsoft.Json;
using IntraperitonealCoding.Infrastructure;

namespace IntraperitonealCoding.Maintenance;

/// <summary>
/// Writes realistic synthetic cases as JSON Lines, deterministically from a seed: HIPEC and PIPAC, every claim type and
/// payer, inside and outside clinical trials, with the usual drugs and doses and a share of edge cases (short
/// perfusions, unusual temperatures, missing opened amounts). For load tests, benchmarks and tests; never real patients.
/// </summary>
public static class CaseGenerator
{
    private static readonly string[] Claims = { "professional", "facility_outpatient", "facility_inpatient" };
    private static readonly string[] Payers = { "medicare", "medicare_advantage", "medicaid", "commercial", "self_pay" };
    private static readonly string[] Primaries = { "C18.1", "C18.2", "C18.7", "C16.9", "C56.9", "C45.1", "C48.1", "C54.1", "C20" };
    private static readonly string[] HipecSurgery = { "49205", "49203", "44140", "44204", "58953", "43631", "49255", "49000" };

    /// <summary>The first day of CPT 2025's tumor-excision codes: from it, 49203-49205 are written as 49188 with a tumor length.</summary>
    private static readonly DateTime TumorExcisionCodes2025 = new(2025, 1, 1);

    /// <summary>Writes <paramref name="count"/> cases, one JSON object per line.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="count">How many cases; not negative.</param>
    /// <param name="seed">The seed: the same seed always gives the same cases.</param>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static void Write(TextWriter output, long count, int seed)
    {
        Preconditions.CheckNotNull(output, nameof(output));
        Preconditions.CheckArgumentRange(count >= 0, nameof(count), count, "The count cannot be negative.");
        var random = new Random(seed);
        for (long i = 1; i <= count; i++)
        {
            output.Write(Case(random, i));
            output.Write('\n');
        }

        output.Flush();
    }

    /// <summary>Generates <paramref name="count"/> cases as JSON texts.</summary>
    /// <param name="count">How many cases; not negative.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The cases, lazily.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static IEnumerable<string> Generate(long count, int seed)
    {
        Preconditions.CheckArgumentRange(count >= 0, nameof(count), count, "The count cannot be negative.");
        return Iterate(count, seed);

        static IEnumerable<string> Iterate(long count, int seed)
        {
            var random = new Random(seed);
            for (long i = 1; i <= count; i++)
            {
                yield return Case(random, i);
            }
        }
    }

    private static string Case(Random random, long index)
    {
        bool hipec = random.NextDouble() < 0.45;
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using var json = new JsonTextWriter(text);
        json.WriteStartObject();
        Property(json, "case_id", (hipec ? "gen-hipec-" : "gen-pipac-") + index.ToString(CultureInfo.InvariantCulture));
        var date = new DateTime(2023, 1, 2).AddDays(random.Next(0, 4 * 365));
        Property(json, "date_of_service", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        string claim = Claims[random.Next(Claims.Length)];
        Property(json, "claim", claim);
        Property(json, "payer", Payers[random.Next(Payers.Length)]);
        decimal bsa = Math.Round(1.4m + ((decimal)random.NextDouble() * 0.8m), 2);
        json.WritePropertyName("patient");
        json.WriteStartObject();
        json.WritePropertyName("body_surface_area_m2");
        json.WriteValue(bsa);
        json.WriteEndObject();
        // An inpatient stay says what an 837I needs: the admission date and diagnosis, and each diagnosis present on
        // admission (drawn without the random source, so the rest of every generated case stays as it was).
        bool inpatient = claim == "facility_inpatient";
        string primary = Primaries[random.Next(Primaries.Length)];
        if (inpatient)
        {
            Property(json, "admission_date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Property(json, "discharge_date", date.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Property(json, "admitting_diagnosis", "C78.6");
        }

        json.WritePropertyName("diagnoses");
        json.WriteStartArray();
        Diagnosis(json, primary, inpatient);
        Diagnosis(json, "C78.6", inpatient);
        if (random.NextDouble() < 0.2)
        {
            Diagnosis(json, "R18.0", inpatient);
        }

        json.WriteEndArray();
        json.WritePropertyName("procedure");
        json.WriteStartObject();
        if (hipec)
        {
            Hipec(json, random, inpatient: claim == "facility_inpatient", date);
        }
        else
        {
            Pipac(json, random);
        }

        json.WriteEndObject();
        if (random.NextDouble() < (hipec ? 0.15 : 0.5))
        {
            Trial(json, random, hipec);
        }

        json.WriteEndObject();
        json.Flush();
        return text.ToString();
    }

    /// <summary>A diagnosis: a bare code, or on an inpatient claim the code with its present-on-admission indicator.</summary>
    private static void Diagnosis(JsonTextWriter json, string code, bool inpatient)
    {
        if (!inpatient)
        {
            json.WriteValue(code);
            return;
        }

        json.WriteStartObject();
        Property(json, "code", code);
        Property(json, "poa", "Y");
        json.WriteEndObject();
    }

    private static void Hipec(JsonTextWriter json, Random random, bool inpatient, DateTime date)
    {
        if (inpatient)
        {
            // The cytoreduction's own PCS codes, as an inpatient claim needs them (drawn without the random source,
            // so the rest of every generated case stays as it was).
            json.WritePropertyName("pcs_procedures");
            json.WriteStartArray();
            json.WriteValue("0DBW0ZZ");
            json.WriteValue("0DTU0ZZ");
            json.WriteEndArray();
        }

        Property(json, "kind", "hipec");
        Property(json, "approach", random.NextDouble() < 0.85 ? "open" : "laparoscopic");
        json.WritePropertyName("primary_procedures");
        json.WriteStartArray();
        bool tumorExcision = false;
        string Surgery()
        {
            // The codes current on the date: the deleted 49203-49205 become 49188, whose length band the case then gives.
            string code = HipecSurgery[random.Next(HipecSurgery.Length)];
            bool deleted = code is "49203" or "49205";
            tumorExcision |= deleted && date >= TumorExcisionCodes2025;
            return deleted && date >= TumorExcisionCodes2025 ? "49188" : code;
        }

        json.WriteValue(Surgery());
        if (random.NextDouble() < 0.4)
        {
            json.WriteValue(Surgery());
        }

        json.WriteEndArray();
        if (tumorExcision)
        {
            json.WritePropertyName("tumor_length_sum_cm");
            json.WriteValue(15.0m);
        }

        json.WritePropertyName("separate_incisions");
        json.WriteValue(random.Next(0, 3));
        double low = 40.5 + (random.NextDouble() * 2.0);
        Temperature(json, low, low + (random.NextDouble() * 1.2));
        int[] minutes = { 30, 60, 90, 90, 90, 100, 120, 136 };
        json.WritePropertyName("perfusion_minutes");
        json.WriteValue(minutes[random.Next(minutes.Length)]);
        json.WritePropertyName("drugs");
        json.WriteStartArray();
        switch (random.Next(3))
        {
            case 0: Drug(json, random, "mitomycin", 35m, 5m); break;
            case 1: Drug(json, random, "oxaliplatin", 460m, 50m); break;
            default: Drug(json, random, "cisplatin", 100m, 10m); break;
        }

        json.WriteEndArray();
    }

    private static void Pipac(JsonTextWriter json, Random random)
    {
        Property(json, "kind", "pipac");
        Property(json, "approach", "laparoscopic");
        json.WritePropertyName("cycle");
        json.WriteValue(random.Next(1, 6));
        json.WritePropertyName("exposure_minutes");
        json.WriteValue(random.NextDouble() < 0.9 ? 30 : 40);
        json.WritePropertyName("capnoperitoneum_mmhg");
        json.WriteValue(12);
        Temperature(json, 36.5 + random.NextDouble(), 37.5);
        json.WritePropertyName("biopsies");
        json.WriteValue(random.Next(0, 5));
        json.WritePropertyName("pci");
        json.WriteValue(random.Next(0, 40));
        json.WritePropertyName("drugs");
        json.WriteStartArray();
        if (random.NextDouble() < 0.6)
        {
            Drug(json, random, "cisplatin", 7.5m, 10m);
            Drug(json, random, "doxorubicin", 1.5m, 10m);
        }
        else
        {
            Drug(json, random, "oxaliplatin", 92m, 50m);
        }

        json.WriteEndArray();
    }

    private static void Drug(JsonTextWriter json, Random random, string name, decimal mgPerM2, decimal vial)
    {
        json.WriteStartObject();
        Property(json, "name", name);
        json.WritePropertyName("dose_mg_per_m2");
        json.WriteValue(mgPerM2);
        if (random.NextDouble() < 0.95)
        {
            // Opened: whole vials covering the largest plausible dose (BSA up to 2.2 m²).
            json.WritePropertyName("opened_mg");
            json.WriteValue(Math.Ceiling(mgPerM2 * 2.2m / vial) * vial);
        }

        if (random.NextDouble() < 0.1)
        {
            json.WritePropertyName("supplied_by_sponsor");
            json.WriteValue(true);
        }

        json.WriteEndObject();
    }

    private static void Trial(JsonTextWriter json, Random random, bool hipec)
    {
        json.WritePropertyName("trial");
        json.WriteStartObject();
        Property(json, "nct", random.NextDouble() < 0.98 ? "NCT0" + random.Next(1000000, 9999999).ToString(CultureInfo.InvariantCulture) : "NCT123");
        json.WritePropertyName("qualifying");
        json.WriteValue(random.NextDouble() < 0.9);
        if (random.NextDouble() < 0.1)
        {
            Property(json, "ide", "G" + random.Next(100000, 999999).ToString(CultureInfo.InvariantCulture));
        }

        string category = hipec ? "hipec" : "aerosol_chemotherapy";
        json.WritePropertyName("investigational");
        json.WriteStartArray();
        json.WriteValue(category);
        json.WriteEndArray();
        json.WritePropertyName("sponsor_pays");
        json.WriteStartArray();
        if (random.NextDouble() < 0.7)
        {
            json.WriteValue(category);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Temperature(JsonTextWriter json, double min, double max)
    {
        json.WritePropertyName("temperature_c");
        json.WriteStartObject();
        json.WritePropertyName("min");
        json.WriteValue(Math.Round(min, 1));
        json.WritePropertyName("max");
        json.WriteValue(Math.Round(Math.Max(min, max), 1));
        json.WriteEndObject();
    }

    private static void Property(JsonTextWriter json, string name, string value)
    {
        json.WritePropertyName(name);
        json.WriteValue(value);
    }
}
