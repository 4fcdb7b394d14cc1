using System.Security.Cryptography;
using Avrr.Analytics.IO.Partials;
using Avrr.Analytics.Runs.Merging;
using Avrr.Analytics.Runs.Planning;

namespace Avrr.Analytics.Runs.Partials;

/// <summary>
/// <c>avrr partial seal DIR</c>: makes the tables the SQL recipe wrote into a partial (docs/partials.md, "The SQL
/// recipe"): checks that every table the settings need is there and readable, then writes scheme.json and
/// partial.json, which records the settings, the accounting table's counts and every file's SHA-256. It writes
/// nothing else into the folder, and over a partial.json or scheme.json only of an earlier seal.
/// </summary>
public static class PartialSeal
{
    public static PartialDescriptor Seal(string folder, RecipeSettings settings)
    {
        var plan = settings.Plan();
        if (settings.PartialKey is not null && PartialSignature.Problem(settings.PartialKey) is { } keyProblem)
            throw new SettingsException(RunSetting.PartialKey, null, keyProblem);
        if (!Directory.Exists(folder)) throw new PartialRefusedException(folder, "the folder does not exist");
        var descriptorPath = Path.Combine(folder, PartialDescriptor.File);
        var schemePath = Path.Combine(folder, PartialDescriptor.SchemeFile);
        if (File.Exists(descriptorPath) && !IsSealed(descriptorPath))
            throw new PartialRefusedException(folder, $"it holds a {PartialDescriptor.File} that avrr partial seal did not write, which is left as it is");
        if (File.Exists(schemePath) && !File.Exists(descriptorPath))
            throw new PartialRefusedException(folder, $"it holds a {PartialDescriptor.SchemeFile} that avrr did not write, which is left as it is");

        var variables = new Grouping.GroupTable(plan.Levels).Variables;
        var tables = new List<PartialTable> { PartialTables.Cells(variables), PartialTables.Measures(), PartialTables.Strata(), PartialTables.Values };
        tables.Add(plan.Clustered ? PartialTables.PsuSums() : PartialTables.StrataSums());
        if (plan.Clustered) tables.Add(PartialTables.Psus());
        if (!plan.Clustered && plan.Scheme.Dimensions.Count >= 2) tables.Add(PartialTables.Pairs);
        if (settings.PartialPanel == PartialPanel.Returnees) tables.AddRange([PartialTables.Returnees(plan.Measures), PartialTables.SurveyKeys]);
        else
        {
            tables.AddRange([PartialTables.PanelCells, PartialTables.Measures(PartialTables.Panel), PartialTables.Strata(PartialTables.Panel)]);
            tables.Add(plan.Clustered ? PartialTables.PsuSums(PartialTables.Panel) : PartialTables.StrataSums(PartialTables.Panel));
            if (plan.Clustered) tables.Add(PartialTables.Psus(PartialTables.Panel));
        }
        var files = new List<string>();
        foreach (var table in tables)
        {
            var found = PartialTableReader.Files(folder, table);
            if (found.Count == 0) throw new PartialRefusedException(folder, $"the table {table.Name} is missing ({table.File} or a folder {table.Name}/ of Parquet parts): did the recipe run to its end?");
            try { PartialTableReader.Read(folder, found, table, _ => { }); }
            catch (InvalidDataException e) { throw new PartialRefusedException(folder, $"{table.Name}: {e.Message}"); }
            files.AddRange(found);
        }
        var accountingFiles = PartialTableReader.Files(folder, PartialTables.Accounting);
        if (accountingFiles.Count == 0) throw new PartialRefusedException(folder, "the table accounting is missing: did the recipe run to its end?");
        long rows = 0, surveys = 0, returnees = 0, panel = 0, count = 0;
        DateOnly? firstDate = null, lastDate = null;
        try
        {
            PartialTableReader.Read(folder, accountingFiles, PartialTables.Accounting, r =>
            {
                for (var i = 0; i < r.Count; i++, count++)
                {
                    (rows, surveys, returnees, panel) = (r.Required(0, i), r.Required(1, i), r.Required(4, i), r.Required(5, i));
                    if (rows > 0) (firstDate, lastDate) = (r.Date(2, i), r.Date(3, i));
                }
            });
        }
        catch (InvalidDataException e) { throw new PartialRefusedException(folder, $"accounting: {e.Message}"); }
        if (count != 1) throw new PartialRefusedException(folder, $"the table accounting has {count} rows, not one");
        files.AddRange(accountingFiles);

        File.WriteAllBytes(schemePath, plan.Scheme.Source.ToArray());
        files.Add(PartialDescriptor.SchemeFile);
        var descriptor = new PartialDescriptor
        {
            MadeBy = PartialDescriptor.MadeBySeal,
            EngineVersion = Output.Manifest.EngineVersion,
            Id = PartialDescriptor.NewId(),
            SchemeId = plan.Scheme.Id, SchemeName = plan.Scheme.Name, SchemeOrigin = plan.Scheme.Origin, SchemeSha256 = plan.Scheme.Sha256,
            SchemeEqualWeights = plan.Scheme.HasEqualWeights, SchemeWeights = Output.Manifest.WeightsNote(plan.Scheme),
            Levels = plan.Levels.Select(l => l.Name).ToArray(), QuarterLevelIsDefault = plan.QuarterLevelIsDefault,
            Variables = variables, Measures = plan.Measures,
            Weight = plan.WeightColumn, Cluster = plan.ClusterColumn, Strata = plan.StrataColumn,
            Panel = settings.PartialPanel, SaltFingerprint = settings.PartialPanel == PartialPanel.Returnees ? ReturneeHash.Fingerprint(settings.PartialSalt!) : null,
            MinCell = plan.MinCell, Ci = plan.Ci, Df = plan.Df, Fdr = plan.Fdr, Lang = settings.Language,
            Surveys = surveys, WeightScale = 1, PanelSurveys = panel, PanelWeightScale = 1, Returnees = returnees, PanelReturnees = panel,
            RowsRead = rows, RowsScored = rows, RowsRejected = 0, RowsOutsidePeriod = 0, RejectsByReason = new Dictionary<string, long>(),
            FirstSurveyDate = firstDate, LastSurveyDate = lastDate, Inputs = [], FutureDates = 0, InvalidDates = 0, DataQualitySurveys = null,
            Files = files.Select(f => Describe(folder, f)).ToArray(),
        };
        File.WriteAllBytes(descriptorPath, descriptor.ToJson(settings.PartialKey));
        return descriptor;
    }

    private static bool IsSealed(string path)
    {
        try { return PartialDescriptor.Parse(File.ReadAllBytes(path)).MadeBy == PartialDescriptor.MadeBySeal; }
        catch (InvalidDataException) { return false; }
    }

    private static PartialFile Describe(string folder, string file)
    {
        var path = Path.Combine(folder, file);
        using var stream = File.OpenRead(path);
        return new PartialFile(file, Convert.ToHexStringLower(SHA256.HashData(stream)), new FileInfo(path).Length);
    }
}
