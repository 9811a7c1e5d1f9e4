/*
 * viruuid.c: parsing, formatting and generating UUIDs.
 */
#include <glib.h>
#include <stdio.h>

#include "viruuid.h"

#define VIR_UUID_RAW_LEN 16

int
virUUIDParse(const char *uuidstr, unsigned char *uuid)
{
    const char *cur = uuidstr;
    size_t i;

    if (!uuidstr)
        return -1;
    while (g_ascii_isspace(*cur))
        cur++;
    for (i = 0; i < VIR_UUID_RAW_LEN;) {
        int hi;
        int lo;

        /* Dashes and spaces may separate any two hex pairs. */
        if (*cur == '-' || *cur == ' ') {
            cur++;
            continue;
        }
        hi = g_ascii_xdigit_value(cur[0]);
        lo = hi < 0 ? -1 : g_ascii_xdigit_value(cur[1]);
        if (hi < 0 || lo < 0)
            return -1;
        uuid[i++] = (unsigned char)((hi << 4) | lo);
        cur += 2;
    }
    while (*cur) {
        if (!g_ascii_isspace(*cur))
            return -1;
        cur++;
    }
    return 0;
}

char *
virUUIDFormat(const unsigned char *uuid, char *buf)
{
    g_snprintf(buf, 37,
               "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
               uuid[0], uuid[1], uuid[2], uuid[3], uuid[4], uuid[5], uuid[6],
               uuid[7], uuid[8], uuid[9], uuid[10], uuid[11], uuid[12],
               uuid[13], uuid[14], uuid[15]);
    return buf;
}

void
virUUIDGenerate(unsigned char *uuid)
{
    g_autofree char *str = g_uuid_string_random();

    virUUIDParse(str, uuid);
}
