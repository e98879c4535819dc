/* Test-only stand-in for Windows 10's icuuc.dll, which Wine 8.0 lacks (Qt 6.11's Qt6Core imports its ucnv_*
   functions). The code is only an entry point: the exports are forwarders to a PyPI wheel's versioned ICU,
   generated into a .def file by packaging/windows/check.py. Never shipped: it goes into the test prefix only. */
#include <windows.h>

BOOL WINAPI DllMainCRTStartup(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
    (void)instance; (void)reason; (void)reserved;
    return TRUE;
}
