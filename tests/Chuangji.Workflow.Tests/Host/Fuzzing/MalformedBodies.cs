using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Chuangji.Workflow.Tests.Host.Fuzzing;

/// <summary>
/// Request bodies that are not valid protobuf for the RPC's request type (or, by chance, are): truncated
/// messages, unterminated and overlong varints, tag 0, wire types 6 and 7, groups that never open or close,
/// lengths past the end or negative, invalid UTF-8 in a string field (an unpaired surrogate among them), garbage.
/// </summary>
internal sealed class MalformedBodies(Random random, RequestGenerator requests)
{
    public byte[] For(MethodDescriptor rpc)
    {
        var type = rpc.InputType;
        var stringField = type.Fields.InFieldNumberOrder().FirstOrDefault(f => f.FieldType == FieldType.String);
        var lengthField = stringField ?? type.Fields.InFieldNumberOrder().FirstOrDefault(f => f.FieldType == FieldType.Message);
        var number = lengthField?.FieldNumber ?? 1;
        return random.Next(12) switch
        {
            0 => Truncated(requests.Generate(type, FuzzMode.ValidLooking)),
            1 => [Tag(number, 0), 0x80, 0x80, 0x80],
            2 => [Tag(number, 0), .. Enumerable.Repeat((byte)0xff, 11)],
            3 => [0x00, 0x01],
            4 => [Tag(number, random.Next(6, 8)), 0x01],
            5 => [Tag(number, 4)],
            6 => [Tag(number, 3), Tag(number, 0), 0x01],
            7 => [Tag(number, 2), 0x64, 0x61, 0x62, 0x63],
            8 => [Tag(number, 2), 0xff, 0xff, 0xff, 0xff, 0x0f, 0x61],
            9 => stringField is null ? Garbage() : InvalidUtf8(stringField.FieldNumber),
            10 => [.. requests.Generate(type, FuzzMode.ValidLooking).ToByteArray(), .. Garbage()],
            _ => Garbage(),
        };
    }

    /// <summary>Whether the request type's own parser refuses the bytes, as the service's must.</summary>
    public static bool IsMalformed(MethodDescriptor rpc, byte[] body)
    {
        try
        {
            rpc.InputType.Parser.ParseFrom(body);
            return false;
        }
        catch (Exception)
        {
            return true;
        }
    }

    private static byte Tag(int fieldNumber, int wireType) => (byte)((Math.Min(fieldNumber, 15) << 3) | wireType);

    private byte[] Truncated(IMessage message)
    {
        var bytes = message.ToByteArray();
        return bytes.Length < 2 ? [0x0a, 0x05, 0x61] : bytes[..random.Next(1, bytes.Length)];
    }

    private byte[] InvalidUtf8(int fieldNumber)
    {
        byte[][] invalid =
        [
            [0xed, 0xa0, 0x80],             // an unpaired high surrogate, as CESU-8 writes it
            [0xed, 0xb0, 0x80, 0x41],       // an unpaired low surrogate
            [0xc0, 0x80],                   // an overlong NUL
            [0xff, 0xfe, 0xfd],
            [0x54, 0x31, 0x30, 0x30, 0xe4], // "T100" and half a character
        ];
        var value = invalid[random.Next(invalid.Length)];
        return [Tag(fieldNumber, 2), (byte)value.Length, .. value];
    }

    private byte[] Garbage()
    {
        var bytes = new byte[random.Next(1, 257)];
        random.NextBytes(bytes);
        return bytes;
    }
}
