/*
 * virsocketaddr.c: IPv4/IPv6 addresses, netmasks and ranges.
 *
 * Parsing goes through getaddrinfo(AI_NUMERICHOST) so that the accepted
 * spellings (including IPv4 shorthand like "10.1") are the C library's,
 * as in upstream.
 */
#include <netdb.h>
#include <arpa/inet.h>

#include "internal.h"
#include "virsocketaddr.h"

#define VIR_FROM_THIS VIR_FROM_NONE

static int
virSocketAddrParseInternal(virSocketAddr *addr, const char *val,
                           int family, bool report)
{
    struct addrinfo hints = { 0 };
    struct addrinfo *res = NULL;
    int err;
    int len;

    if (!val) {
        if (report)
            virReportError(VIR_ERR_INVALID_ARG, "%s", "Missing address");
        return -1;
    }
    hints.ai_family = family;
    hints.ai_flags = AI_NUMERICHOST;
    if ((err = getaddrinfo(val, NULL, &hints, &res)) != 0) {
        if (report)
            virReportError(VIR_ERR_SYSTEM_ERROR,
                           "Cannot parse socket address '%s': %s",
                           val, gai_strerror(err));
        return -1;
    }
    if (!res) {
        if (report)
            virReportError(VIR_ERR_SYSTEM_ERROR,
                           "No socket addresses found for '%s'", val);
        return -1;
    }
    len = res->ai_addrlen;
    if (addr) {
        memset(addr, 0, sizeof(*addr));
        memcpy(&addr->data.stor, res->ai_addr, len);
        addr->len = len;
    }
    freeaddrinfo(res);
    return len;
}

int
virSocketAddrParse(virSocketAddr *addr, const char *val, int family)
{
    return virSocketAddrParseInternal(addr, val, family, true);
}

int
virSocketAddrParseQuiet(virSocketAddr *addr, const char *val, int family)
{
    return virSocketAddrParseInternal(addr, val, family, false);
}

char *
virSocketAddrFormat(const virSocketAddr *addr)
{
    char host[INET6_ADDRSTRLEN];
    const void *raw;

    if (VIR_SOCKET_ADDR_IS_FAMILY(addr, AF_INET))
        raw = &addr->data.inet4.sin_addr;
    else if (VIR_SOCKET_ADDR_IS_FAMILY(addr, AF_INET6))
        raw = &addr->data.inet6.sin6_addr;
    else
        raw = NULL;

    if (!raw || !inet_ntop(addr->data.sa.sa_family, raw, host, sizeof(host))) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "Cannot convert socket address to string");
        return NULL;
    }
    return g_strdup(host);
}

/* The address bytes and their count (4 or 16); 0 for no address. */
static size_t
virSocketAddrBytes(const virSocketAddr *addr, const unsigned char **bytes)
{
    if (VIR_SOCKET_ADDR_IS_FAMILY(addr, AF_INET)) {
        *bytes = (const unsigned char *)&addr->data.inet4.sin_addr;
        return 4;
    }
    if (VIR_SOCKET_ADDR_IS_FAMILY(addr, AF_INET6)) {
        *bytes = (const unsigned char *)&addr->data.inet6.sin6_addr;
        return 16;
    }
    *bytes = NULL;
    return 0;
}

static unsigned char *
virSocketAddrBytesMut(virSocketAddr *addr)
{
    const unsigned char *bytes;

    virSocketAddrBytes(addr, &bytes);
    return (unsigned char *)bytes;
}

bool
virSocketAddrEqual(const virSocketAddr *a, const virSocketAddr *b)
{
    const unsigned char *ba;
    const unsigned char *bb;
    size_t na;

    if (a->data.sa.sa_family != b->data.sa.sa_family)
        return false;
    na = virSocketAddrBytes(a, &ba);
    virSocketAddrBytes(b, &bb);
    if (na == 0)
        return false;
    if (VIR_SOCKET_ADDR_IS_FAMILY(a, AF_INET) &&
        a->data.inet4.sin_port != b->data.inet4.sin_port)
        return false;
    if (VIR_SOCKET_ADDR_IS_FAMILY(a, AF_INET6) &&
        a->data.inet6.sin6_port != b->data.inet6.sin6_port)
        return false;
    return memcmp(ba, bb, na) == 0;
}

bool
virSocketAddrIsWildcard(const virSocketAddr *addr)
{
    const unsigned char *bytes;
    size_t n = virSocketAddrBytes(addr, &bytes);
    size_t i;

    if (n == 0)
        return false;
    for (i = 0; i < n; i++) {
        if (bytes[i])
            return false;
    }
    return true;
}

int
virSocketAddrPrefixToNetmask(unsigned int prefix, virSocketAddr *netmask,
                             int family)
{
    unsigned char *bytes;
    size_t n;
    size_t i;

    memset(netmask, 0, sizeof(*netmask));
    netmask->data.sa.sa_family = family;
    if (family == AF_INET) {
        n = 4;
        netmask->len = sizeof(struct sockaddr_in);
    } else if (family == AF_INET6) {
        n = 16;
        netmask->len = sizeof(struct sockaddr_in6);
    } else {
        memset(netmask, 0, sizeof(*netmask));
        return -1;
    }
    if (prefix > n * 8) {
        memset(netmask, 0, sizeof(*netmask));
        return -1;
    }
    bytes = virSocketAddrBytesMut(netmask);
    for (i = 0; i < n; i++) {
        if (prefix >= 8)
            bytes[i] = 0xff;
        else
            bytes[i] = (0xff << (8 - prefix)) & 0xff;
        prefix = prefix >= 8 ? prefix - 8 : 0;
    }
    return 0;
}

int
virSocketAddrGetNumNetmaskBits(const virSocketAddr *netmask)
{
    const unsigned char *bytes;
    size_t n = virSocketAddrBytes(netmask, &bytes);
    size_t i;
    int bits = 0;
    bool ended = false;

    if (n == 0)
        return -1;
    for (i = 0; i < n * 8; i++) {
        bool set = bytes[i / 8] & (0x80 >> (i % 8));

        if (set && ended)
            return -1;
        if (set)
            bits++;
        else
            ended = true;
    }
    return bits;
}

int
virSocketAddrGetIPPrefix(const virSocketAddr *address,
                         const virSocketAddr *netmask, int prefix)
{
    if (prefix > 0)
        return prefix;
    if (netmask && VIR_SOCKET_ADDR_VALID(netmask))
        return virSocketAddrGetNumNetmaskBits(netmask);
    if (address && VIR_SOCKET_ADDR_IS_FAMILY(address, AF_INET)) {
        unsigned char octet;

        if (virSocketAddrIsWildcard(address))
            return 0;
        octet = ((const unsigned char *)&address->data.inet4.sin_addr)[0];
        if ((octet & 0x80) == 0)
            return 8;
        if ((octet & 0xC0) == 0x80)
            return 16;
        if ((octet & 0xE0) == 0xC0)
            return 24;
        return -1;
    }
    if (address && VIR_SOCKET_ADDR_IS_FAMILY(address, AF_INET6))
        return virSocketAddrIsWildcard(address) ? 0 : 64;
    return 0;
}

/* Copy @addr to @result, then clear its host bits (network address) or
 * set them (broadcast address) as @netmask says. */
static int
virSocketAddrApplyNetmask(const virSocketAddr *addr,
                          const virSocketAddr *netmask,
                          virSocketAddr *result, bool setHostBits)
{
    const unsigned char *mask;
    unsigned char *out;
    size_t n;
    size_t i;

    if (addr->data.sa.sa_family != netmask->data.sa.sa_family)
        return -1;
    *result = *addr;
    if ((n = virSocketAddrBytes(netmask, &mask)) == 0)
        return -1;
    out = virSocketAddrBytesMut(result);
    for (i = 0; i < n; i++) {
        if (setHostBits)
            out[i] |= ~mask[i];
        else
            out[i] &= mask[i];
    }
    return 0;
}

int
virSocketAddrMask(const virSocketAddr *addr, const virSocketAddr *netmask,
                  virSocketAddr *network)
{
    if (virSocketAddrApplyNetmask(addr, netmask, network, false) < 0)
        return -1;
    if (VIR_SOCKET_ADDR_IS_FAMILY(network, AF_INET))
        network->data.inet4.sin_port = 0;
    else
        network->data.inet6.sin6_port = 0;
    return 0;
}

int
virSocketAddrMaskByPrefix(const virSocketAddr *addr, unsigned int prefix,
                          virSocketAddr *network)
{
    virSocketAddr netmask;

    if (virSocketAddrPrefixToNetmask(prefix, &netmask,
                                     addr->data.sa.sa_family) < 0)
        return -1;
    return virSocketAddrMask(addr, &netmask, network);
}

int
virSocketAddrBroadcast(const virSocketAddr *addr,
                       const virSocketAddr *netmask,
                       virSocketAddr *broadcast)
{
    return virSocketAddrApplyNetmask(addr, netmask, broadcast, true);
}

int
virSocketAddrCheckNetmask(const virSocketAddr *addr1,
                          const virSocketAddr *addr2,
                          const virSocketAddr *netmask)
{
    const unsigned char *b1;
    const unsigned char *b2;
    const unsigned char *m;
    size_t n;
    size_t i;

    if (addr1->data.sa.sa_family != addr2->data.sa.sa_family ||
        addr1->data.sa.sa_family != netmask->data.sa.sa_family)
        return -1;
    if ((n = virSocketAddrBytes(addr1, &b1)) == 0)
        return -1;
    virSocketAddrBytes(addr2, &b2);
    virSocketAddrBytes(netmask, &m);
    for (i = 0; i < n; i++) {
        if ((b1[i] & m[i]) != (b2[i] & m[i]))
            return 0;
    }
    return 1;
}

int
virSocketAddrGetRange(const virSocketAddr *start,
                      const virSocketAddr *end,
                      const virSocketAddr *network, int prefix)
{
    g_autofree char *startStr = NULL;
    g_autofree char *endStr = NULL;
    g_autofree char *netStr = NULL;
    const unsigned char *s;
    const unsigned char *e;
    size_t n;
    size_t i;
    int size;

    if (!(startStr = virSocketAddrFormat(start)) ||
        !(endStr = virSocketAddrFormat(end)))
        return -1;
    if (VIR_SOCKET_ADDR_FAMILY(start) != VIR_SOCKET_ADDR_FAMILY(end)) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "mismatch of address family in range %s - %s",
                       startStr, endStr);
        return -1;
    }

    if (network) {
        virSocketAddr netmask;

        if (!(netStr = virSocketAddrFormat(network)))
            return -1;
        if (VIR_SOCKET_ADDR_FAMILY(start) != VIR_SOCKET_ADDR_FAMILY(network)) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "mismatch of address family in range %s - %s "
                           "for network %s", startStr, endStr, netStr);
            return -1;
        }
        if (prefix < 0 ||
            virSocketAddrPrefixToNetmask(prefix, &netmask,
                                         VIR_SOCKET_ADDR_FAMILY(network)) < 0) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "bad prefix %d for network %s when "
                           " checking range %s - %s",
                           prefix, netStr, startStr, endStr);
            return -1;
        }
        if (virSocketAddrCheckNetmask(start, network, &netmask) <= 0 ||
            virSocketAddrCheckNetmask(end, network, &netmask) <= 0) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "range %s - %s is not entirely within "
                           "network %s/%d", startStr, endStr, netStr, prefix);
            return -1;
        }
        /* IPv4 ranges may not start at the network address nor end at
         * the broadcast address. */
        if (VIR_SOCKET_ADDR_IS_FAMILY(start, AF_INET)) {
            virSocketAddr netaddr;
            virSocketAddr broadcast;

            if (virSocketAddrBroadcast(network, &netmask, &broadcast) < 0 ||
                virSocketAddrMask(network, &netmask, &netaddr) < 0) {
                virReportError(VIR_ERR_INTERNAL_ERROR,
                               "failed to construct broadcast or network "
                               "address for network %s/%d", netStr, prefix);
                return -1;
            }
            if (virSocketAddrEqual(start, &netaddr)) {
                virReportError(VIR_ERR_INTERNAL_ERROR,
                               "start of range %s - %s in network %s/%d "
                               "is the network address",
                               startStr, endStr, netStr, prefix);
                return -1;
            }
            if (virSocketAddrEqual(end, &broadcast)) {
                virReportError(VIR_ERR_INTERNAL_ERROR,
                               "end of range %s - %s in network %s/%d "
                               "is the broadcast address",
                               startStr, endStr, netStr, prefix);
                return -1;
            }
        }
    }

    /* Only the last two bytes (IPv4) or the last 16-bit group (IPv6)
     * may differ. */
    n = virSocketAddrBytes(start, &s);
    virSocketAddrBytes(end, &e);
    for (i = 0; i + 2 < n; i++) {
        if (s[i] != e[i]) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "range %s - %s is too large (> 65535)",
                           startStr, endStr);
            return -1;
        }
    }
    size = (e[n - 2] - s[n - 2]) * 256 + (e[n - 1] - s[n - 1]);
    if (size < 0) {
        if (n == 4)
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "range %s - %s is reversed ", startStr, endStr);
        else
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "range %s - %s start larger than end",
                           startStr, endStr);
        return -1;
    }
    return size + 1;
}
