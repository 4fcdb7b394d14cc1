using System.Globalization;
using Avrr.Analytics.Schemes;
using CsvHelper;

namespace Avrr.Analytics.IO.Samples;

/// <summary>
/// A synthetic but plausible survey export (<c>avrr sample</c>), identical for the same seed: returnees
/// in several countries and communities, a baseline and, for about a third of them, a follow-up a year
/// or more later; sampling weights by community; sex, age group and assistance type. Answers are driven
/// by each returnee's latent situation and their community's, so that they correlate within a returnee
/// and with place. The structure an analysis should find is planted (docs/inputs.md, "The sample"):
/// <list type="bullet">
/// <item>countries that differ (Mali and Senegal lower, Guinea higher), and communities within them;</item>
/// <item>four returnee profiles (thriving; economically strained; isolated, low psychosocial; struggling
/// everywhere), which set the level of each dimension;</item>
/// <item>assistance that goes with better follow-ups: each type lifts its own dimension between rounds
/// (economic, social, psychosocial), combined assistance lifts all three a little, and women score a
/// little higher;</item>
/// <item>a baseline signal of later difficulty: a fifth of the returnees are fragile; at baseline they
/// report heavy debt, wanting psychological support and planning to migrate again, and by their
/// follow-up they fall back instead of improving.</item>
/// </list>
/// Like real exports it has a few dk / refused / empty answers, na for households without school-age
/// children, and a handful of invalid values and duplicated rows for the validation to catch. No real
/// person is in it.
/// </summary>
public static class SampleExport
{
    private static readonly (string Country, string[] Communities)[] Places =
    [
        ("SEN", ["Dakar", "Thiès", "Saint-Louis", "Ziguinchor", "Kaolack"]),
        ("GIN", ["Conakry", "Kindia", "Labé", "Kankan", "N'Zérékoré"]),
        ("MLI", ["Bamako", "Kayes", "Ségou", "Sikasso"]),
        ("CIV", ["Abidjan", "Bouaké", "Daloa", "San-Pédro"]),
        ("BFA", ["Ouagadougou", "Bobo-Dioulasso", "Koudougou"]),
    ];

    private static readonly string[] Sexes = ["female", "male"];
    private static readonly string[] AgeGroups = ["18-24", "25-34", "35-44", "45+"];
    private static readonly string[] Assistance = ["economic", "social", "psychosocial", "combined"];
    private static readonly string[] InvalidAnswers = ["6", "maybe", "Very god", "0", "oui oui", "N/A?"];

    /// <summary>The planted profiles: each one's offset of the economic, social and psychosocial level, and its share of returnees.</summary>
    private static readonly (double Economic, double Social, double Psychosocial, double Share)[] Profiles =
    [
        (1.4, 1.3, 1.3, 0.3),      // thriving
        (-1.6, 0.9, 0.5, 0.3),     // economically strained
        (1.0, 0.6, -1.8, 0.2),     // isolated: low psychosocial
        (-1.4, -1.3, -1.2, 0.2),   // struggling everywhere
    ];

    /// <summary>The questions on which a fragile returnee's baseline shows (heavy debt, distress, plans to migrate again).</summary>
    private static readonly HashSet<string> FragilitySigns = ["borrow_freq", "debt_level", "wants_psych_support", "remigration_intent", "distress_freq"];

    public static readonly string[] RecordHeader = ["returnee_id", "country", "community", "survey_date", "round", "weight", "sex", "age_group", "assistance_type"];

    /// <summary>The file kinds a sample can be written as, by extension.</summary>
    public static readonly string[] Extensions = [".csv", ".xlsx"];

    /// <summary>
    /// Writes <paramref name="rows"/> rows (header not counted) to <paramref name="path"/>: CSV for <c>.csv</c>,
    /// a workbook for <c>.xlsx</c> (numbers and dates as typed cells, as KoboToolbox writes them), the same
    /// rows either way. <paramref name="progress"/> hears the rows written so far, now and then.
    /// </summary>
    public static void Write(string path, int rows, int seed, Scheme? scheme = null, Action<long>? progress = null)
    {
        scheme ??= Scheme.Rss15;
        string[] header = [.. RecordHeader, .. scheme.Questions.Select(q => q.Id)];
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension == ".xlsx") SampleWorkbook.Write(path, header, Rows(scheme, rows, seed, progress));
        else if (extension == ".csv")
        {
            using var csv = CsvWriter.ToFile(path, CsvHelper.CsvWriterOptions.Default with { NewLine = "\n" });
            csv.WriteHeader(header);
            foreach (var fields in Rows(scheme, rows, seed, progress)) csv.WriteRecord(fields);
        }
        else throw new ArgumentException($"A sample is written as {string.Join(" or ", Extensions)}, not '{extension}'.", nameof(path));
    }

    /// <summary>The rows of a sample, as the text of their fields (one array reused from row to row).</summary>
    private static IEnumerable<string[]> Rows(Scheme scheme, int rows, int seed, Action<long>? progress)
    {
        var generator = new Generator(scheme, seed, rows);
        var fields = new string[RecordHeader.Length + scheme.Questions.Count];
        string[]? previous = null;
        for (var written = 0; written < rows; written++)
        {
            if (progress is not null && written % 50_000 == 0) progress(written);
            // About one row in 250 is a row sent twice, as happens when a tablet re-submits.
            if (previous is not null && generator.Noise.NextDouble() < 0.004)
            {
                yield return previous;
                continue;
            }
            generator.Next(fields);
            yield return fields;
            previous = (string[])fields.Clone();
        }
        progress?.Invoke(rows);
    }

    private sealed class Generator
    {
        private readonly Scheme _scheme;
        private readonly int _seed;
        private readonly int _returnees;
        private readonly int _lag;
        private readonly double[] _placeEffect;
        private int _nextBaseline, _nextFollowUp;
        private long _row;

        public Random Noise { get; }

        public Generator(Scheme scheme, int seed, int rows)
        {
            _scheme = scheme;
            _seed = seed;
            Noise = new Random(seed);
            // Rows are baselines plus follow-ups of about 35% of returnees.
            _returnees = Math.Max(1, (int)(rows / 1.35));
            _lag = Math.Max(1, _returnees / 3);
            var places = new Random(seed ^ 0x5A17);
            // Countries differ (Mali and Senegal lower, Guinea higher), and communities within them.
            _placeEffect = Places.SelectMany(p => p.Communities.Select(_ => CountryEffect(p.Country))).Select(effect => effect + Gaussian(places) * 0.5).ToArray();
        }

        private bool IsFollowedUp(int returnee) => Hash(_seed, returnee, 7) % 100 < 35;

        public void Next(string[] fields)
        {
            _row++;
            // Follow-ups come in the stream a while after their baseline, as a real programme's do.
            var followUpDue = _nextFollowUp < _nextBaseline - _lag || _nextBaseline >= _returnees;
            while (_nextFollowUp < _nextBaseline && !IsFollowedUp(_nextFollowUp)) _nextFollowUp++;
            if (followUpDue && _nextFollowUp < _nextBaseline) Fill(fields, _nextFollowUp++, followUp: true);
            else if (_nextBaseline < _returnees) Fill(fields, _nextBaseline++, followUp: false);
            else Fill(fields, (int)(_row % _returnees), followUp: false);   // only when asked for more rows than planned
        }

        private void Fill(string[] fields, int returnee, bool followUp)
        {
            var person = new Random(Hash(_seed, returnee, 1));
            var placeIndex = person.Next(_placeEffect.Length);
            var (country, community) = PlaceAt(placeIndex);
            var sex = Sexes[person.Next(2)];
            var age = AgeGroups[person.Next(AgeGroups.Length)];
            var assistance = Assistance[person.Next(Assistance.Length)];
            var profile = PickProfile(person.NextDouble());
            var fragile = person.NextDouble() < 0.2;
            var level = _placeEffect[placeIndex] + Gaussian(person) * 0.25 + (sex == "female" ? 0.1 : 0);
            double[] offsets = [Profiles[profile].Economic, Profiles[profile].Social, Profiles[profile].Psychosocial];
            var dimensionLevel = _scheme.Dimensions.Select((_, d) => (d < 3 ? offsets[d] : 0) + Gaussian(person) * 0.2).ToArray();
            var hasChildren = person.NextDouble() < 0.7;
            var baseline = new DateOnly(2024, 1, 8).AddDays((int)(360.0 * returnee / _returnees) + person.Next(0, 5));
            var date = followUp ? baseline.AddDays(365 + person.Next(0, 180)) : baseline;
            if (followUp)
            {
                level += fragile ? -0.9 : 0.15 + Gaussian(Noise) * 0.3;
                for (var d = 0; d < dimensionLevel.Length && d < 3; d++) dimensionLevel[d] += AssistanceGain(assistance, d);
            }
            // Communities are sampled at different rates, so survey weights differ by community.
            var weight = (0.6 + 0.25 * (placeIndex % 7)) * (0.9 + 0.2 * Noise.NextDouble());

            fields[0] = $"R{returnee + 1:D6}";
            fields[1] = country;
            fields[2] = community;
            fields[3] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            fields[4] = followUp ? "follow_up" : "baseline";
            fields[5] = Math.Round(weight, 3).ToString(CultureInfo.InvariantCulture);
            fields[6] = sex;
            fields[7] = age;
            fields[8] = assistance;

            var q = 0;
            for (var d = 0; d < _scheme.Dimensions.Count; d++)
                foreach (var indicator in _scheme.Dimensions[d].Indicators)
                    foreach (var question in indicator.Questions)
                        fields[RecordHeader.Length + q++] = Answer(question,
                            level + dimensionLevel[d] - (fragile && !followUp && FragilitySigns.Contains(question.Id) ? 1.6 : 0), hasChildren);

            MaybeSpoil(fields);
        }

        private static double CountryEffect(string country) => country switch
        {
            "MLI" => -0.35,
            "SEN" => -0.2,
            "GIN" => 0.25,
            "CIV" => 0.1,
            _ => 0,
        };

        private static int PickProfile(double roll)
        {
            for (var p = 0; p < Profiles.Length - 1; p++)
            {
                if (roll < Profiles[p].Share) return p;
                roll -= Profiles[p].Share;
            }
            return Profiles.Length - 1;
        }

        /// <summary>What a type of assistance adds to a dimension's level between baseline and follow-up (0 economic, 1 social, 2 psychosocial).</summary>
        private static double AssistanceGain(string assistance, int dimension) => assistance switch
        {
            "economic" => dimension == 0 ? 0.6 : 0,
            "social" => dimension == 1 ? 0.6 : 0,
            "psychosocial" => dimension == 2 ? 0.6 : 0,
            _ => 0.35,
        };

        private string Answer(Question question, double level, bool hasChildren)
        {
            var roll = Noise.NextDouble();
            if (roll < 0.012) return "dk";
            if (roll < 0.016) return "refused";
            if (roll < 0.026) return "";
            if (question.Id == "children_in_school" && !hasChildren) return "na";
            // A latent score in 0..1; the answer is the choice whose score is nearest.
            var target = Logistic(level + Gaussian(Noise) * 0.7);
            var scale = question.Scale;
            if (scale.IsCount)
                return Math.Max(0, (int)Math.Round(target * (scale.CountMax!.Value + 1) + Gaussian(Noise) * 0.5)).ToString(CultureInfo.InvariantCulture);
            var best = scale.Choices.MinBy(c => Math.Abs(c.Score - target))!;
            return best.Code;
        }

        /// <summary>A few rows carry the mistakes real exports have.</summary>
        private void MaybeSpoil(string[] fields)
        {
            var roll = Noise.NextDouble();
            if (roll < 0.004) fields[RecordHeader.Length + Noise.Next(fields.Length - RecordHeader.Length)] = InvalidAnswers[Noise.Next(InvalidAnswers.Length)];
            else if (roll < 0.005) fields[5] = Noise.Next(3) switch { 0 => "0", 1 => "-1", _ => "n/a" };
            else if (roll < 0.006) fields[3] = Noise.Next(2) == 0 ? "2025-13-01" : "14/07/2025";
            else if (roll < 0.0065) fields[1] = "";
        }

        private static (string Country, string Community) PlaceAt(int index)
        {
            foreach (var (country, communities) in Places)
            {
                if (index < communities.Length) return (country, communities[index]);
                index -= communities.Length;
            }
            throw new ArgumentOutOfRangeException(nameof(index));
        }
    }

    private static double Gaussian(Random random)
    {
        // Box–Muller: deterministic for a seeded Random on every platform.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private static double Logistic(double x) => 1.0 / (1.0 + Math.Exp(-1.3 * x));

    private static int Hash(int seed, int returnee, int salt)
    {
        unchecked
        {
            var h = (uint)seed * 0x9E3779B1u ^ (uint)returnee * 0x85EBCA77u ^ (uint)salt * 0xC2B2AE3Du;
            h ^= h >> 15; h *= 0x2C1B3C6Du; h ^= h >> 12; h *= 0x297A2D39u; h ^= h >> 15;
            return (int)(h & 0x7FFFFFFF);
        }
    }
}
