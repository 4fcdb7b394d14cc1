using Avrr.Analytics.Collections;

namespace Avrr.Analytics.Runs.Insights;

/// <summary>The baseline-only returnees given a risk (and the follow-up-only, given none), per country and in all: how many, how many flagged, the sum of their risks.</summary>
internal sealed class RiskTally
{
    private readonly Utf8Table _ids = new();
    private readonly List<(string Country, long Returnees, long Flagged, double Risk)> _countries = [];

    public (long Returnees, long Flagged, double Risk) All { get; private set; }

    /// <summary>Returnees with one scored survey that is not a baseline (its round is another): given no risk.</summary>
    public long FollowUpOnly { get; set; }

    public void Add(ReadOnlySpan<byte> country, double risk, bool flagged)
    {
        if (!_ids.TryGet(country, out var id))
        {
            _ids.TryAdd(country, id = _countries.Count);
            _countries.Add((System.Text.Encoding.UTF8.GetString(country), 0, 0, 0));
        }
        var (name, r, f, s) = _countries[id];
        _countries[id] = (name, r + 1, f + (flagged ? 1 : 0), s + risk);
        All = (All.Returnees + 1, All.Flagged + (flagged ? 1 : 0), All.Risk + risk);
    }

    /// <summary>The countries in byte order.</summary>
    public IEnumerable<(string Country, long Returnees, long Flagged, double Risk)> Countries => _countries.OrderBy(c => c.Country, StringComparer.Ordinal);
}
