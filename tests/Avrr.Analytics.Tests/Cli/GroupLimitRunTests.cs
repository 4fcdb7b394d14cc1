namespace Avrr.Analytics.Tests.Cli;

/// <summary>
/// An export in which every row has a community of its own (1M such rows took 11 GB and 176 s) is refused
/// with exit 3 as soon as the level country+community passes 50,000 groups, naming the level and the
/// column; nothing is written and an earlier result is kept.
/// </summary>
[Trait("Category", "Slow")]
public sealed class GroupLimitRunTests
{
    [Fact]
    public void An_export_where_every_row_has_its_own_community_is_refused_naming_the_level_and_keeps_the_earlier_result()
    {
        var parent = TestFiles.TempFolder();
        var out_ = Path.Combine(parent, "results");
        Avrr.Expect(0, "run", Samples.Clean, "--out", out_, "--quiet");
        var before = OutputContract.Snapshot(out_);
        var (header, rows) = Samples.Fields(Samples.Large);
        var community = Array.IndexOf(header, "community");
        var export = Path.Combine(parent, "export.csv");
        // 60,000 rows: five copies of the large sample, each row with its own id and community.
        Samples.Write(export, header, Enumerable.Range(0, 5).SelectMany(copy => rows.Select((r, i) =>
        {
            var row = (string[])r.Clone();
            row[0] = $"{row[0]}-{copy}";
            row[community] = $"village-{copy}-{i}";
            return row;
        })));

        var call = Avrr.Expect(3, "run", export, "--out", out_);

        Assert.Contains("too many groups: the level country+community has more than 50,000 groups, the most a level may have; its column community already has", call.Output, StringComparison.Ordinal);
        Assert.Contains("Nothing was written.", call.Output, StringComparison.Ordinal);
        var after = OutputContract.Snapshot(out_);
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (file, bytes) in before) Assert.True(bytes.AsSpan().SequenceEqual(after[file]), $"{file} changed");
        Assert.Equal(["export.csv", "results"], Directory.EnumerateFileSystemEntries(parent).Select(Path.GetFileName).Cast<string>().Order(StringComparer.Ordinal));
    }
}
