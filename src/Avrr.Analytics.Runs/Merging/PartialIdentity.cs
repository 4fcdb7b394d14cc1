using Avrr.Analytics.Runs.Partials;
using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.Runs.Merging;

/// <summary>
/// That no survey is counted twice because a partial, or an export, is given twice (docs/partials.md, "Repeated,
/// copied and overlapping partials"). Before anything is merged, every pair of partials is compared:
/// <list type="bullet">
/// <item>the same id: the same partial, through another path, a link, a copy or a renamed folder;</item>
/// <item>the same tables (their SHA-256): the same sums, so the same surveys, though the partial was made or sealed again;</item>
/// <item>an export with the same SHA-256 among the inputs of both, in periods that overlap: its surveys would be in
/// both, unless the merge is told the partials hold different surveys of it on purpose
/// (<see cref="MergeSettings.DisjointInputs"/>).</item>
/// </list>
/// The refusal (exit 3) names both partials. A survey repeated in two partials of different exports is found from the
/// survey keys of returnee summaries (<see cref="RepeatedSurveys"/>); with panel change by cells a partial holds no
/// survey to compare.
/// </summary>
internal static class PartialIdentity
{
    /// <summary>Checks a partial against those given before it, as soon as it is opened: of 1,500 copies of one, the second is refused.</summary>
    public static void Check(IReadOnlyList<PartialFolder> earlierPartials, PartialFolder later, bool disjointInputs)
    {
        foreach (var earlier in earlierPartials)
        {
            if (earlier.Descriptor.Id == later.Descriptor.Id)
                throw new PartialRefusedException(later.Path,
                    $"it is the same partial as {earlier.Path} (id {later.Descriptor.Id}): the same folder, a link to it or a copy of it, given twice; " +
                    "its surveys would be counted twice. Give each partial once");
            if (earlier.TablesSha256 == later.TablesSha256)
                throw new PartialRefusedException(later.Path,
                    $"it holds the same tables as {earlier.Path} (the same SHA-256 of every table), so the same surveys: one is a copy of the other, " +
                    "made or sealed again. Give one of them");
            if (disjointInputs) continue;
            foreach (var input in later.Descriptor.Inputs)
            {
                var same = earlier.Descriptor.Inputs.FirstOrDefault(e => e.Sha256 == input.Sha256);
                if (same is null || !Overlap(earlier.Descriptor.Period, later.Descriptor.Period)) continue;
                throw new PartialRefusedException(later.Path,
                    $"it was made from the same export as {earlier.Path} ({input.Path} in it, {same.Path} in {earlier.Path}, SHA-256 {input.Sha256}), " +
                    $"in {Words(later.Descriptor.Period)} and {Words(earlier.Descriptor.Period)}, which overlap: its surveys would be counted twice. " +
                    "Merge one of the two; or, if each holds other surveys of that export on purpose (another period, rows filtered before the run), give --disjoint-inputs");
            }
        }
    }

    /// <summary>Whether two periods share a day (a partial without a period covers every date).</summary>
    private static bool Overlap(SurveyPeriod? a, SurveyPeriod? b)
    {
        var (aFrom, aTo) = (a?.From ?? DateOnly.MinValue, a?.To ?? DateOnly.MaxValue);
        var (bFrom, bTo) = (b?.From ?? DateOnly.MinValue, b?.To ?? DateOnly.MaxValue);
        return aFrom <= bTo && bFrom <= aTo;
    }

    private static string Words(SurveyPeriod? period) => period is null ? "every date" : period.ToString();
}
