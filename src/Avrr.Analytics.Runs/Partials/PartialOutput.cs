using Avrr.Analytics.Runs.Output;
using Avrr.Analytics.Runs.Planning;

namespace Avrr.Analytics.Runs.Partials;

/// <summary>
/// The folder a run writes its partial into (<c>--partial-out</c>), kept safe by the rules of the result folder
/// (<see cref="OutputFolder"/>, docs/outputs.md): written beside and moved into place when the run succeeds, and
/// only over a folder avrr made itself (its partial.json lists every file), an empty one or a new one. It may
/// be neither the result folder nor inside it, nor hold it.
/// </summary>
internal static class PartialOutput
{
    public static OutputFolder? Open(RunSettings settings, OutputFolder result, Action<string>? note)
    {
        if (settings.PartialOut is null) return null;
        try
        {
            RefuseNested(settings);
            var partial = OutputFolder.Open(settings.PartialOut, note, PartialDescriptor.File);
            try { RefuseNested(settings, partial.Destination, result.Destination); }
            catch
            {
                partial.Dispose();
                throw;
            }
            return partial;
        }
        catch (OutputFolderException e)
        {
            e.Setting = RunSetting.PartialOut;
            throw;
        }
    }

    /// <summary>
    /// Refuses a partial folder that is the result folder, inside it or around it, before either is touched (the result
    /// folder's lock would be met by the partial's, and its parent would be made): called before the result folder is opened.
    /// </summary>
    public static void RefuseNested(RunSettings settings)
    {
        if (settings.PartialOut is null) return;
        string partial, result;
        try { (partial, result) = (RealPaths.Of(settings.PartialOut), RealPaths.Of(settings.OutputFolder)); }
        catch (IOException) { return; }         // a link loop: OutputFolder.Open words it
        try { RefuseNested(settings, partial, result); }
        catch (OutputFolderException e)
        {
            e.Setting = RunSetting.PartialOut;
            throw;
        }
    }

    private static void RefuseNested(RunSettings settings, string partial, string result)
    {
        if (RealPaths.IsSameOrInside(partial, result) || RealPaths.IsSameOrInside(result, partial))
            throw OutputFolderException.Refused(settings.PartialOut!,
                $"it is the result folder ({settings.OutputFolder}), inside it or around it; write the partial to a folder of its own");
    }

    /// <summary>Checks the partial folder against the run's inputs and creates its temporary folder.</summary>
    public static void Prepare(OutputFolder? partial, IEnumerable<string> inputs)
    {
        if (partial is null) return;
        try { partial.Prepare(inputs); }
        catch (OutputFolderException e)
        {
            e.Setting = RunSetting.PartialOut;
            throw;
        }
    }
}
