/*
 * bench_util.h: what every benchmark program reports besides time.
 */
#pragma once

#include <stdlib.h>
#include <string.h>
#include <glib.h>

/* Peak RSS of this program in KiB (VmHWM: unlike getrusage's maxrss it
 * does not inherit the peak of the process that exec'ed us). */
static inline long
benchPeakRSS(void)
{
    g_autofree char *status = NULL;
    const char *hwm;

    if (!g_file_get_contents("/proc/self/status", &status, NULL, NULL) ||
        !(hwm = strstr(status, "VmHWM:")))
        return -1;
    return strtol(hwm + 6, NULL, 10);
}
