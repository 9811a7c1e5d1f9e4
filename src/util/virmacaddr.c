/*
 * virmacaddr.c: Ethernet MAC addresses.
 */
#include <string.h>
#include <stdio.h>
#include <glib.h>

#include "virmacaddr.h"

int
virMacAddrParse(const char *str, virMacAddr *addr)
{
    size_t i;

    for (i = 0; i < VIR_MAC_BUFLEN; i++) {
        int digits = 0;
        unsigned int value = 0;

        /* one or two hex digits, nothing else (no sign, no space) */
        while (digits < 3 && g_ascii_isxdigit(str[digits])) {
            value = value * 16 + g_ascii_xdigit_value(str[digits]);
            digits++;
        }
        if (digits < 1 || digits > 2)
            return -1;
        addr->addr[i] = value;
        str += digits;

        if (i == VIR_MAC_BUFLEN - 1)
            return (unsigned char)*str <= ' ' ? 0 : -1;
        if (*str != ':')
            return -1;
        str++;
    }
    return -1;
}

const char *
virMacAddrFormat(const virMacAddr *addr, char str[VIR_MAC_STRING_BUFLEN])
{
    g_snprintf(str, VIR_MAC_STRING_BUFLEN,
               "%02x:%02x:%02x:%02x:%02x:%02x",
               addr->addr[0], addr->addr[1], addr->addr[2],
               addr->addr[3], addr->addr[4], addr->addr[5]);
    return str;
}

void
virMacAddrGenerate(const unsigned char prefix[VIR_MAC_PREFIX_BUFLEN],
                   virMacAddr *addr)
{
    size_t i;

    memcpy(addr->addr, prefix, VIR_MAC_PREFIX_BUFLEN);
    for (i = VIR_MAC_PREFIX_BUFLEN; i < VIR_MAC_BUFLEN; i++)
        addr->addr[i] = g_random_int_range(0, 256);
    addr->generated = true;
}

bool
virMacAddrIsMulticast(const virMacAddr *addr)
{
    return addr->addr[0] & 1;
}

bool
virMacAddrIsUnicast(const virMacAddr *addr)
{
    return !(addr->addr[0] & 1);
}

bool
virMacAddrIsBroadcastRaw(const unsigned char s[VIR_MAC_BUFLEN])
{
    static const unsigned char bcast[VIR_MAC_BUFLEN] = {
        0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

    return memcmp(s, bcast, VIR_MAC_BUFLEN) == 0;
}

int
virMacAddrCmp(const virMacAddr *a, const virMacAddr *b)
{
    return memcmp(a->addr, b->addr, VIR_MAC_BUFLEN);
}

void
virMacAddrSet(virMacAddr *dst, const virMacAddr *src)
{
    *dst = *src;
}
