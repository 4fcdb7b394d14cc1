using Avrr.Analytics.IO.Samples;
using Avrr.Analytics.IO.Writing;
using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Runs.Results;
using Avrr.Analytics.Runs;

namespace Avrr.Analytics.Tests.Runs;

/// <summary>The tests that read the outputs of <see cref="SampleRunFixture"/>: they share one run.</summary>
[CollectionDefinition(Name)]
public sealed class SampleRunCollection : ICollectionFixture<SampleRunFixture>
{
    public const string Name = "sample run";
}

/// <summary>One evaluation run on a fresh 2,000-row sample in a temp folder, shared by the tests of <see cref="SampleRunCollection"/>.</summary>
public sealed class SampleRunFixture : IDisposable
{
    public const int Rows = 2000;
    public const int Seed = 2026;

    public string Folder { get; } = TestFiles.TempFolder();
    public string SamplePath { get; }
    public string OutputFolder { get; }
    public RunResult Result { get; }

    public SampleRunFixture()
    {
        SamplePath = Path.Combine(Folder, "sample.csv");
        SampleExport.Write(SamplePath, Rows, Seed);
        OutputFolder = Path.Combine(Folder, "results");
        Result = EvaluationRun.Execute(new RunSettings
        {
            Inputs = [SamplePath],
            OutputFolder = OutputFolder,
            Formats = OutputFormats.Csv,
        });
    }

    public string Output(string file) => Path.Combine(OutputFolder, file);

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
