using System.Globalization;
using System.Text;
using Avrr.Analytics.Schemes;

namespace Avrr.Analytics.Tests.Insights;

/// <summary>
/// A seeded rss-15 export with planted structure, for the insights' tests (not the engine's own sample):
/// <list type="bullet">
/// <item>four profiles, each with its own level of the economic, social and psychosocial answers (targets
/// 0.85/0.85/0.85, 0.15/0.8/0.7, 0.7/0.6/0.15, 0.15/0.2/0.2), each answer the scale's choice nearest the
/// target plus noise (sd 0.08);</item>
/// <item>attributes country (3), community (2 per country), sex, assistance_type (4) and noise (3), drawn at
/// random; with <see cref="Options.DriverEffect"/>, assistance "business" adds that much to every target;</item>
/// <item>60% of returnees have a follow-up a year later. With <see cref="Signal.Fragility"/>, 35% of those are
/// fragile: at baseline they answer the debt and distress questions at the worst, and at follow-up every
/// question near 0.1 (the low band); the others keep their profile. With <see cref="Signal.Noise"/>, a
/// follow-up is low (near 0.1) for a random 30% and high (near 0.8) for the rest, whatever the baseline.</item>
/// </list>
/// </summary>
internal static class PlantedExport
{
    public enum Signal { Fragility, Noise }

    /// <param name="WeightExponent">Written after each weight (<c>e160</c>: the same weights times 10^160).</param>
    /// <param name="BaselinesOnly">Write only the baselines (dated in 2025), not the follow-ups a year later.</param>
    public sealed record Options(int Returnees, int Seed, Signal Signal = Signal.Fragility, double DriverEffect = 0, string WeightExponent = "",
        bool BaselinesOnly = false);

    public sealed record Planted(string ReturneeId, int Profile, bool FollowedUp, bool LowFollowUp);

    private static readonly double[][] Profiles = [[0.85, 0.85, 0.85], [0.15, 0.8, 0.7], [0.7, 0.6, 0.15], [0.15, 0.2, 0.2]];
    private static readonly string[] FragilitySigns = ["can_borrow", "borrow_freq", "debt_level", "distress_freq", "wants_psych_support"];
    private static readonly string[] Countries = ["AAA", "BBB", "CCC"];
    private static readonly string[] Assistance = ["business", "cash", "counselling", "training"];

    public static List<Planted> Write(string path, Options options)
    {
        var scheme = Scheme.Rss15;
        var random = new Random(options.Seed);
        var dimensionOf = scheme.Dimensions.SelectMany((d, i) => d.Indicators.SelectMany(ind => ind.Questions).Select(q => (q.Id, i))).ToDictionary(p => p.Id, p => p.i);
        var text = new StringBuilder();
        text.Append("returnee_id,country,community,survey_date,round,weight,sex,assistance_type,noise,");
        text.AppendLine(string.Join(',', scheme.Questions.Select(q => q.Id)));
        var planted = new List<Planted>();
        for (var r = 0; r < options.Returnees; r++)
        {
            var id = $"T{r + 1:D5}";
            var profile = random.Next(Profiles.Length);
            var country = random.Next(Countries.Length);
            var community = $"{Countries[country]}-{random.Next(2) + 1}";
            var sex = random.Next(2) == 0 ? "female" : "male";
            var assistance = Assistance[random.Next(Assistance.Length)];
            var noise = "xyz"[random.Next(3)].ToString();
            var weight = (0.5 + 1.5 * random.NextDouble()).ToString("0.000", CultureInfo.InvariantCulture) + options.WeightExponent;
            var followedUp = random.NextDouble() < 0.6;
            var fragile = followedUp && options.Signal == Signal.Fragility && random.NextDouble() < 0.35;
            var lowFollowUp = options.Signal == Signal.Fragility ? fragile : followedUp && random.NextDouble() < 0.3;
            var lift = assistance == "business" ? options.DriverEffect : 0;
            var baseline = new DateOnly(2025, 1, 6).AddDays(random.Next(80));
            string Line(bool followUp, DateOnly date) =>
                string.Join(',', id, Countries[country], community, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), followUp ? "follow_up" : "baseline",
                    weight, sex, assistance, noise) + "," +
                string.Join(',', scheme.Questions.Select(q =>
                {
                    var target = Profiles[profile][dimensionOf[q.Id]] + lift;
                    if (!followUp && fragile && FragilitySigns.Contains(q.Id)) target = 0;
                    if (followUp && options.Signal == Signal.Fragility && fragile) target = 0.1;
                    if (followUp && options.Signal == Signal.Noise) target = lowFollowUp ? 0.1 : 0.8;
                    target += 0.08 * ProfileTrainingTests.Gaussian(random);
                    return q.Scale.Choices.MinBy(c => Math.Abs(c.Score - target))!.Code;
                }));
            text.AppendLine(Line(false, baseline));
            if (followedUp)
            {
                // Drawn either way, so that the baselines are the same with or without the follow-ups.
                var followUp = Line(true, baseline.AddDays(365));
                if (!options.BaselinesOnly) text.AppendLine(followUp);
            }
            planted.Add(new Planted(id, profile, followedUp, lowFollowUp));
        }
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
        return planted;
    }
}
