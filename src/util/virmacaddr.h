/*
 * virmacaddr.h: Ethernet MAC addresses: parsing "52:54:00:12:34:56",
 * formatting, unicast/multicast checks and generating one under a
 * vendor prefix.
 */
#pragma once

#include <stdbool.h>

#define VIR_MAC_BUFLEN 6
#define VIR_MAC_PREFIX_BUFLEN 3
#define VIR_MAC_STRING_BUFLEN (VIR_MAC_BUFLEN * 3)

typedef struct _virMacAddr virMacAddr;
struct _virMacAddr {
    unsigned char addr[VIR_MAC_BUFLEN];
    bool generated; /* set by virMacAddrGenerate, not read from XML */
};

/* Six colon-separated groups of one or two hex digits; anything from a
 * space on may follow.  0 on success, -1 (nothing reported) otherwise. */
int virMacAddrParse(const char *str, virMacAddr *addr);
/* Lower-case "xx:xx:xx:xx:xx:xx" into str, which is returned. */
const char *virMacAddrFormat(const virMacAddr *addr,
                             char str[VIR_MAC_STRING_BUFLEN]);
/* A random address starting with the three bytes of prefix. */
void virMacAddrGenerate(const unsigned char prefix[VIR_MAC_PREFIX_BUFLEN],
                        virMacAddr *addr);
bool virMacAddrIsMulticast(const virMacAddr *addr);
bool virMacAddrIsUnicast(const virMacAddr *addr);
bool virMacAddrIsBroadcastRaw(const unsigned char s[VIR_MAC_BUFLEN]);
/* Compares the bytes: <0, 0 or >0. */
int virMacAddrCmp(const virMacAddr *a, const virMacAddr *b);
void virMacAddrSet(virMacAddr *dst, const virMacAddr *src);
