using Avrr.Analytics.Reports.Text;

namespace Avrr.Analytics.Tests.Reports;

/// <summary>How the report writes numbers, shares, dates and quarters in each language (docs/report.md), written out by hand.</summary>
public sealed class ReportLanguageTests
{
    private const char Nbsp = '\u00A0';

    [Fact]
    public void English_writes_points_commas_and_english_dates()
    {
        var en = ReportLanguage.English;
        Assert.Equal("0.53", en.Score(0.5349));
        Assert.Equal("0.54", en.Score(0.535));
        Assert.Equal("12,345", en.Count(12345));
        Assert.Equal("\u22120.07", en.Difference(-0.0712));
        Assert.Equal("+0.05", en.Difference(0.0498));
        // A difference that two decimals would write 0.00 gets the decimals that show it is not 0.
        Assert.Equal("\u22120.001", en.Difference(-0.001));
        Assert.Equal("+0.004", en.Difference(0.0042));
        Assert.Equal("\u22120.0004", en.Difference(-0.00041));
        Assert.Equal("0.00", en.Difference(0.00004));
        Assert.Equal("0.00", en.Difference(0));
        Assert.Equal("\u22120.01", en.Difference(-0.005));
        Assert.Equal("0.00", en.Score(-0.001));
        Assert.Equal("53%", en.Percent(0.5312));
        Assert.Equal("0.8%", en.Percent(0.0084));
        Assert.Equal("0%", en.Percent(0));
        Assert.Equal("3 March 2026", en.Date(new DateOnly(2026, 3, 3)));
        Assert.Equal($"Q3{Nbsp}2026", en.Quarter("2026-Q3"));
        Assert.Equal("2026-S1", en.Quarter("2026-S1"));
    }

    [Fact]
    public void French_writes_decimal_commas_no_break_spaces_and_french_dates()
    {
        var fr = ReportLanguage.French;
        Assert.Equal("0,53", fr.Score(0.5349));
        Assert.Equal($"12{Nbsp}345", fr.Count(12345));
        Assert.Equal($"1{Nbsp}234{Nbsp}567", fr.Count(1234567));
        Assert.Equal("\u22120,07", fr.Difference(-0.0712));
        Assert.Equal("+0,003", fr.Difference(0.0031));
        Assert.Equal($"53{Nbsp}%", fr.Percent(0.5312));
        Assert.Equal($"0,8{Nbsp}%", fr.Percent(0.0084));
        Assert.Equal("3 mars 2026", fr.Date(new DateOnly(2026, 3, 3)));
        Assert.Equal("21 juin 2027", fr.Date(new DateOnly(2027, 6, 21)));
        Assert.Equal($"T3{Nbsp}2026", fr.Quarter("2026-Q3"));
    }

    [Fact]
    public void Only_english_and_french_are_report_languages()
    {
        Assert.Same(ReportLanguage.French, ReportLanguage.Of("fr"));
        Assert.Null(ReportLanguage.Of("ar"));
    }
}
