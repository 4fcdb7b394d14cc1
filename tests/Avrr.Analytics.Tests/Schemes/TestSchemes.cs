using System.Text;
using Avrr.Analytics.Schemes;

namespace Avrr.Analytics.Tests.Schemes;

/// <summary>Schemes written in the tests as JSON text.</summary>
internal static class TestSchemes
{
    public static Scheme Parse(string json, string origin = "test-scheme.json") => SchemeReader.Parse(Encoding.UTF8.GetBytes(json), origin);

    /// <summary>The bytes of the built-in rss-15 file, read from the library's resource.</summary>
    public static byte[] Rss15Bytes()
    {
        using var stream = typeof(Scheme).Assembly.GetManifestResourceStream("Avrr.Analytics.Schemes.rss-15.json")!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>A five-point scale a..e (0, 0.25, 0.5, 0.75, 1) and yes/no (1, 0), for the small schemes of the tests.</summary>
    public const string Scales = """
        "scales": [
          { "id": "q5", "choices": [
            { "code": "a", "score": 0 }, { "code": "b", "score": 0.25 }, { "code": "c", "score": 0.5 },
            { "code": "d", "score": 0.75 }, { "code": "e", "score": 1 } ] },
          { "id": "yn", "choices": [ { "code": "yes", "score": 1 }, { "code": "no", "score": 0 } ] }
        ]
        """;
}
