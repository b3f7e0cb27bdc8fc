using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace IntraperitonealCoding.Infrastructure;

/// <summary>What kind of file a path names, following symbolic links.</summary>
internal enum FileKind
{
    Missing,
    Regular,
    Directory,

    /// <summary>A character or block device: reading one may never end (/dev/zero).</summary>
    Device,

    /// <summary>A FIFO or socket: reading one may block until a writer comes (fine for streamed batch input, not for a file).</summary>
    Pipe,
}

/// <summary>
/// The kind and identity of a file, asked of the operating system without opening it (so a FIFO cannot block).
/// On Linux it uses <c>statx</c>, whose layout is the same on every architecture; elsewhere it falls back to what
/// <see cref="FileInfo"/> tells (regular or directory), which is enough where special files are not a concern.
/// </summary>
internal static class FileStatus
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const uint StatxIno = 0x100;
    private const int ModeOffset = 28;
    private const int InoOffset = 32;
    private const int DevMajorOffset = 136;
    private const int DevMinorOffset = 140;
    private const int BufferSize = 256;
    private static bool statxMissing;
    private static bool statxWorks;

    public static FileKind KindOf(string path)
    {
        if (Statx(path) is { } buffer)
        {
            int type = BitConverter.ToUInt16(buffer, ModeOffset) & 0xF000;
            return type switch
            {
                0x8000 => FileKind.Regular,
                0x4000 => FileKind.Directory,
                0x2000 or 0x6000 => FileKind.Device,
                _ => FileKind.Pipe,
            };
        }

        if (statxWorks)
        {
            // statx follows links and failed: nothing usable is there (a dangling or looping link, no such file, no
            // access). File.Exists would say a dangling link exists, so it is not asked.
            return FileKind.Missing;
        }

        if (Directory.Exists(path))
        {
            return FileKind.Directory;
        }

        return File.Exists(path) ? FileKind.Regular : FileKind.Missing;
    }

    /// <summary>Device and inode of the file a path resolves to (hard links and symbolic links share them), or <see langword="null"/> when unknown.</summary>
    public static (ulong Device, ulong Inode)? IdentityOf(string path)
    {
        if (Statx(path) is not { } buffer)
        {
            return null;
        }

        ulong device = ((ulong)BitConverter.ToUInt32(buffer, DevMajorOffset) << 32) | BitConverter.ToUInt32(buffer, DevMinorOffset);
        return (device, BitConverter.ToUInt64(buffer, InoOffset));
    }

    /// <summary>
    /// Where a file found in a directory leads when that is outside the directory (a symbolic link to <c>/etc/passwd</c>,
    /// or through a linked subdirectory); <see langword="null"/> for a file inside it. Decided from the paths alone,
    /// without opening the file, so a target's content is never read or echoed. realpath(3) on Linux in every build;
    /// elsewhere the net10.0 build resolves links itself and the netstandard2.0 build cannot (then null).
    /// </summary>
    public static string? LinkOutside(string directory, string path)
    {
        if (RealPath(path) is { } real && RealPath(directory) is { } root)
        {
            return Inside(real, root) ? null : real;
        }

#if NET
        try
        {
            FileSystemInfo? target = new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true);
            if (target is null)
            {
                return null;
            }

            var info = new DirectoryInfo(Path.GetFullPath(directory));
            string rootPath = Path.GetFullPath(info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? info.FullName);
            string final = Path.GetFullPath(target.FullName);
            return Inside(final, rootPath) ? null : final;
        }
        catch (IOException ex)
        {
            return "an unreadable target (" + ex.Message + ")";
        }
#else
        return null;
#endif
    }

    /// <summary>The canonical absolute path (links resolved, as realpath(3)), or <see langword="null"/> when unknown or missing.</summary>
    public static string? RealPath(string path)
    {
        if (statxMissing || !RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
        {
            return null;
        }

        try
        {
            IntPtr resolved = NativeMethods.realpath(Encoding.UTF8.GetBytes(path + "\0"), IntPtr.Zero);
            if (resolved == IntPtr.Zero)
            {
                return null;
            }

            try
            {
                int length = 0;
                while (Marshal.ReadByte(resolved, length) != 0)
                {
                    length++;
                }

                var bytes = new byte[length];
                Marshal.Copy(resolved, bytes, 0, length);
                return Encoding.UTF8.GetString(bytes);
            }
            finally
            {
                NativeMethods.free(resolved);
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    private static bool Inside(string path, string root)
        => path.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static byte[]? Statx(string path)
    {
        if (statxMissing || !RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
        {
            return null;
        }

        byte[] name = Encoding.UTF8.GetBytes(path + "\0");
        var buffer = new byte[BufferSize];
        try
        {
            if (NativeMethods.statx(AtFdCwd, name, 0, StatxType | StatxIno, buffer) == 0)
            {
                statxWorks = true;
                return buffer;
            }

            statxWorks = true; // It answered: the path does not lead to a file.
            return null;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            statxMissing = true;
            return null;
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable SA1300, CA1401 // The C name; private.
        internal static extern int statx(int dirfd, byte[] pathname, int flags, uint mask, byte[] statxbuf);

        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern IntPtr realpath(byte[] path, IntPtr resolved);

        [DllImport("libc")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern void free(IntPtr pointer);
#pragma warning restore SA1300, CA1401
    }
}
