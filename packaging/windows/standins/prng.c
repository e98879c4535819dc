/* Test-only stand-in for Windows 10's bcryptprimitives.dll, which Wine 8.0 lacks: Rust-built wheels
   (python-calamine, pydantic-core) import its ProcessPrng. Never shipped: packaging/windows/check.py
   puts it into the test Wine prefix only. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length); /* RtlGenRandom, exported by advapi32 */

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
