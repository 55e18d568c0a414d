using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace CurationPipeline.Deidentification;

/// <summary>
/// SipHash-2-4 (a keyed pseudo-random function) of (patient key, purpose, value), keyed with 128 bits of
/// SHA-256(secret): the only source of randomness of the surrogates, so the same inputs always give the
/// same surrogate and no mapping has to be stored; without the secret the mapping cannot be rebuilt.
/// </summary>
internal sealed class KeyedHash
{
    private readonly ulong _k0;
    private readonly ulong _k1;

    public KeyedHash(string secret)
    {
        var key = SHA256.HashData(Encoding.UTF8.GetBytes(secret));
        _k0 = BinaryPrimitives.ReadUInt64LittleEndian(key);
        _k1 = BinaryPrimitives.ReadUInt64LittleEndian(key.AsSpan(8));
    }

    public ulong Hash(string patientKey, string purpose, string value) => Hash(patientKey, purpose, value.AsSpan());

    public ulong Hash(string patientKey, string purpose, ReadOnlySpan<char> value)
    {
        // UTF-16 code units of the three strings, separated by U+001F, hashed as bytes.
        var length = patientKey.Length + purpose.Length + value.Length + 2;
        char[]? rented = null;
        var buffer = length <= 256 ? stackalloc char[length] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(length)).AsSpan(0, length);
        patientKey.AsSpan().CopyTo(buffer);
        buffer[patientKey.Length] = '\u001f';
        purpose.AsSpan().CopyTo(buffer[(patientKey.Length + 1)..]);
        buffer[patientKey.Length + 1 + purpose.Length] = '\u001f';
        value.CopyTo(buffer[(patientKey.Length + purpose.Length + 2)..]);
        var h = SipHash24(MemoryMarshal.AsBytes(buffer));
        if (rented is not null)
        {
            System.Buffers.ArrayPool<char>.Shared.Return(rented);
        }

        return h;
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

    private ulong SipHash24(ReadOnlySpan<byte> data)
    {
        ulong v0 = 0x736f6d6570736575UL ^ _k0, v1 = 0x646f72616e646f6dUL ^ _k1;
        ulong v2 = 0x6c7967656e657261UL ^ _k0, v3 = 0x7465646279746573UL ^ _k1;
        var blocks = data.Length / 8;
        for (var i = 0; i < blocks; i++)
        {
            var m = BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(i * 8, 8));
            v3 ^= m;
            Round(ref v0, ref v1, ref v2, ref v3);
            Round(ref v0, ref v1, ref v2, ref v3);
            v0 ^= m;
        }

        var last = (ulong)data.Length << 56;
        var tail = data[(blocks * 8)..];
        for (var i = 0; i < tail.Length; i++)
        {
            last |= (ulong)tail[i] << (8 * i);
        }

        v3 ^= last;
        Round(ref v0, ref v1, ref v2, ref v3);
        Round(ref v0, ref v1, ref v2, ref v3);
        v0 ^= last;
        v2 ^= 0xff;
        for (var i = 0; i < 4; i++)
        {
            Round(ref v0, ref v1, ref v2, ref v3);
        }

        return v0 ^ v1 ^ v2 ^ v3;
    }

    // Inlined: a call per round cost about as much as the round itself.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static void Round(ref ulong v0, ref ulong v1, ref ulong v2, ref ulong v3)
    {
        v0 += v1;
        v1 = BitOperations.RotateLeft(v1, 13);
        v1 ^= v0;
        v0 = BitOperations.RotateLeft(v0, 32);
        v2 += v3;
        v3 = BitOperations.RotateLeft(v3, 16);
        v3 ^= v2;
        v0 += v3;
        v3 = BitOperations.RotateLeft(v3, 21);
        v3 ^= v0;
        v2 += v1;
        v1 = BitOperations.RotateLeft(v1, 17);
        v1 ^= v2;
        v2 = BitOperations.RotateLeft(v2, 32);
    }
}
