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
            var partial = OutputFolder.Open(settings.PartialOut, note, PartialDescriptor.File);
            if (RealPaths.IsSameOrInside(partial.Destination, result.Destination) || RealPaths.IsSameOrInside(result.Destination, partial.Destination))
            {
                partial.Dispose();
                throw OutputFolderException.Refused(settings.PartialOut,
                    $"it is the result folder ({settings.OutputFolder}), inside it or around it; write the partial to a folder of its own");
            }
            return partial;
        }
        catch (OutputFolderException e)
        {
            e.Setting = RunSetting.PartialOut;
            throw;
        }
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
