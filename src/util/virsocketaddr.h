/*
 * virsocketaddr.h: IPv4/IPv6 addresses as the XML documents use them:
 * numeric parsing and formatting, netmasks and prefixes, and the checks
 * applied to address ranges (DHCP ranges, NAT ranges).
 */
#pragma once

#include <stdbool.h>
#include <sys/socket.h>
#include <netinet/in.h>

typedef struct _virSocketAddr virSocketAddr;
struct _virSocketAddr {
    union {
        struct sockaddr sa;
        struct sockaddr_storage stor;
        struct sockaddr_in inet4;
        struct sockaddr_in6 inet6;
    } data;
    socklen_t len; /* 0: no address */
};

#define VIR_SOCKET_ADDR_VALID(s) ((s)->data.sa.sa_family != AF_UNSPEC)
#define VIR_SOCKET_ADDR_IS_FAMILY(s, f) ((s)->data.sa.sa_family == (f))
#define VIR_SOCKET_ADDR_FAMILY(s) ((s)->data.sa.sa_family)
#define VIR_SOCKET_ADDR_IPV4_ALL "0.0.0.0"
#define VIR_SOCKET_ADDR_IPV6_ALL "::"

/* A start/end pair (DHCP range, NAT range). */
typedef struct _virSocketAddrRange virSocketAddrRange;
struct _virSocketAddrRange {
    virSocketAddr start;
    virSocketAddr end;
};

/* Parses a numeric address of family (AF_UNSPEC: either).  Returns the
 * address length, or -1 with VIR_ERR_SYSTEM_ERROR "Cannot parse socket
 * address" reported.  addr may be NULL to only check. */
int virSocketAddrParse(virSocketAddr *addr, const char *val, int family);
/* Likewise, without reporting an error. */
int virSocketAddrParseQuiet(virSocketAddr *addr, const char *val,
                            int family);
/* The numeric form, newly allocated; NULL (error reported) for no
 * address. */
char *virSocketAddrFormat(const virSocketAddr *addr);

bool virSocketAddrEqual(const virSocketAddr *a, const virSocketAddr *b);
bool virSocketAddrIsWildcard(const virSocketAddr *addr);

/* The netmask for prefix in family into netmask; -1 for a bad prefix. */
int virSocketAddrPrefixToNetmask(unsigned int prefix, virSocketAddr *netmask,
                                 int family);
/* The number of leading one bits of a contiguous netmask, else -1. */
int virSocketAddrGetNumNetmaskBits(const virSocketAddr *netmask);
/* The effective prefix: prefix if > 0, else from netmask, else the
 * natural (classful) prefix of an IPv4 address, 64 for IPv6, 0 for a
 * wildcard or nothing; -1 when none can be derived. */
int virSocketAddrGetIPPrefix(const virSocketAddr *address,
                             const virSocketAddr *netmask, int prefix);
/* addr with all bits beyond the mask (or prefix) cleared, into network. */
int virSocketAddrMask(const virSocketAddr *addr, const virSocketAddr *netmask,
                      virSocketAddr *network);
int virSocketAddrMaskByPrefix(const virSocketAddr *addr, unsigned int prefix,
                              virSocketAddr *network);
int virSocketAddrBroadcast(const virSocketAddr *addr,
                           const virSocketAddr *netmask,
                           virSocketAddr *broadcast);
/* 1 when both addresses are in the same network under netmask, 0 when
 * not, -1 for mismatched families. */
int virSocketAddrCheckNetmask(const virSocketAddr *addr1,
                              const virSocketAddr *addr2,
                              const virSocketAddr *netmask);
/* The number of addresses from start to end inclusive, checking (as
 * upstream does) that the range is ordered, spans at most 65535
 * addresses and, when network is given, lies inside network/prefix
 * without its network or broadcast address.  -1 with
 * VIR_ERR_INTERNAL_ERROR reported otherwise. */
int virSocketAddrGetRange(const virSocketAddr *start,
                          const virSocketAddr *end,
                          const virSocketAddr *network, int prefix);
