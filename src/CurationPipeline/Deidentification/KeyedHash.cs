using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace CurationPipeline.Deidentification;

/// <summary>
/// HMAC-SHA256 of (patient key, purpose, value) under the secret: the only source of randomness of the
/// surrogates, so the same inputs always give the same surrogate and no mapping has to be stored.
/// </summary>
internal sealed class KeyedHash(string secret)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(secret);

    public ulong Hash(string patientKey, string purpose, string value)
    {
        var input = Encoding.UTF8.GetBytes(patientKey + "\u001f" + purpose + "\u001f" + value);
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_key, input, mac);
        return BinaryPrimitives.ReadUInt64LittleEndian(mac);
    }

    /// <summary>A deterministic random source seeded by the hash (for multi-part surrogates).</summary>
    public KeyedRandom Random(string patientKey, string purpose, string value) => new(Hash(patientKey, purpose, value));

    /// <summary>The per-patient date shift in days: ±[min, max], never 0.</summary>
    public int DateShift(string patientKey, int min, int max)
    {
        var h = Hash(patientKey, "date-shift", "");
        var magnitude = min + (int)(h % (ulong)(max - min + 1));
        return (h >> 63) == 0 ? -magnitude : magnitude;
    }
}
