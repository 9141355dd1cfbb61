/* A stand-in for Windows' bcryptprimitives.dll, for running Kindred's
 * Windows test binaries under Wine 8 only. Rust's standard library on
 * Windows takes its randomness from ProcessPrng in this DLL, which Windows
 * 10 and 11 ship and Wine 8 lacks; here it asks the same system generator
 * through RtlGenRandom (advapi32's SystemFunction036), which Wine has.
 * Never shipped with Kindred: scripts/windows-test.sh builds it into the
 * test's own Wine prefix. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
