/*
 * nwfilter_rule.c: the <rule> elements of network filters.  Each protocol
 * element (mac, ip, tcp-ipv6, ...) has a table of attributes, each taking
 * one or more kinds of value; a rule keeps one item per table entry and
 * formats them back in table order, as upstream does.
 */
#include <arpa/inet.h>
#include <string.h>

#include "nwfilter_conf.h"
#include "util/virerror.h"

#define VIR_FROM_THIS VIR_FROM_NWFILTER

VIR_ENUM_IMPL(virNWFilterRuleAction,
              VIR_NWFILTER_RULE_ACTION_LAST,
              "drop", "accept", "reject", "return", "continue");

VIR_ENUM_IMPL(virNWFilterRuleDirection,
              VIR_NWFILTER_RULE_DIRECTION_LAST,
              "in", "out", "inout");

VIR_ENUM_IMPL(virNWFilterRuleProtocol,
              VIR_NWFILTER_RULE_PROTOCOL_LAST,
              "none", "mac", "vlan", "stp", "arp", "rarp", "ip", "ipv6",
              "tcp", "icmp", "igmp", "udp", "udplite", "esp", "ah", "sctp",
              "all", "tcp-ipv6", "icmpv6", "udp-ipv6", "udplite-ipv6",
              "esp-ipv6", "ah-ipv6", "sctp-ipv6", "all-ipv6");

/* Attributes whose values need more than their datatype says. */
typedef enum {
    ATTR_PLAIN = 0,
    ATTR_MAC_PROTOCOL,      /* mac protocolid */
    ATTR_VLAN_ID,
    ATTR_VLAN_ENCAP,
    ATTR_ARP_OPCODE,
    ATTR_IP_PROTOCOL,
    ATTR_DSCP,
    ATTR_STATE,
    ATTR_TCP_FLAGS,
    ATTR_IPSET,
    ATTR_IPSET_FLAGS,
} virNWFilterAttrKind;

typedef struct {
    const char *name;
    unsigned int datatypes;
    virNWFilterAttrKind kind;
} virNWFilterAttrDef;

#define T_U8 (VIR_NWFILTER_DATATYPE_UINT8 | VIR_NWFILTER_DATATYPE_UINT8_HEX)
#define T_U16 (VIR_NWFILTER_DATATYPE_UINT16 | VIR_NWFILTER_DATATYPE_UINT16_HEX)
#define T_U32 (VIR_NWFILTER_DATATYPE_UINT32 | VIR_NWFILTER_DATATYPE_UINT32_HEX)
#define T_MAC VIR_NWFILTER_DATATYPE_MACADDR
#define T_MACMASK VIR_NWFILTER_DATATYPE_MACMASK
#define T_IP VIR_NWFILTER_DATATYPE_IPADDR
#define T_IPMASK VIR_NWFILTER_DATATYPE_IPMASK
#define T_IP6 VIR_NWFILTER_DATATYPE_IPV6ADDR
#define T_IP6MASK VIR_NWFILTER_DATATYPE_IPV6MASK
#define T_STR VIR_NWFILTER_DATATYPE_STRING

#define ATTR_END {NULL, 0, ATTR_PLAIN}
#define ATTR_COMMENT {"comment", VIR_NWFILTER_DATATYPE_STRINGCOPY, ATTR_PLAIN}
#define ATTRS_MAC \
    {"srcmacaddr", T_MAC, ATTR_PLAIN}, \
    {"srcmacmask", T_MACMASK, ATTR_PLAIN}, \
    {"dstmacaddr", T_MAC, ATTR_PLAIN}, \
    {"dstmacmask", T_MACMASK, ATTR_PLAIN}
/* dstipto reads an IPv4 address even in the -ipv6 protocols (upstream). */
#define ATTRS_L3(ADDR, MASK) \
    {"srcmacaddr", T_MAC, ATTR_PLAIN}, \
    {"srcipaddr", ADDR, ATTR_PLAIN}, \
    {"srcipmask", MASK, ATTR_PLAIN}, \
    {"dstipaddr", ADDR, ATTR_PLAIN}, \
    {"dstipmask", MASK, ATTR_PLAIN}, \
    {"srcipfrom", ADDR, ATTR_PLAIN}, \
    {"srcipto", ADDR, ATTR_PLAIN}, \
    {"dstipfrom", ADDR, ATTR_PLAIN}, \
    {"dstipto", T_IP, ATTR_PLAIN}, \
    {"dscp", T_U8, ATTR_DSCP}, \
    {"connlimit-above", VIR_NWFILTER_DATATYPE_UINT16, ATTR_PLAIN}, \
    {"state", T_STR, ATTR_STATE}, \
    {"ipset", VIR_NWFILTER_DATATYPE_IPSETNAME, ATTR_IPSET}, \
    {"ipsetflags", VIR_NWFILTER_DATATYPE_IPSETFLAGS, ATTR_IPSET_FLAGS}
#define ATTRS_PORTS \
    {"srcportstart", T_U16, ATTR_PLAIN}, \
    {"srcportend", T_U16, ATTR_PLAIN}, \
    {"dstportstart", T_U16, ATTR_PLAIN}, \
    {"dstportend", T_U16, ATTR_PLAIN}

static const virNWFilterAttrDef macAttrs[] = {
    ATTRS_MAC,
    {"protocolid", T_U16 | T_STR, ATTR_MAC_PROTOCOL},
    ATTR_COMMENT, ATTR_END,
};

static const virNWFilterAttrDef vlanAttrs[] = {
    ATTRS_MAC,
    {"vlanid", T_U16, ATTR_VLAN_ID},
    {"encap-protocol", T_U16 | T_STR, ATTR_VLAN_ENCAP},
    ATTR_COMMENT, ATTR_END,
};

static const virNWFilterAttrDef stpAttrs[] = {
    {"srcmacaddr", T_MAC, ATTR_PLAIN},
    {"srcmacmask", T_MACMASK, ATTR_PLAIN},
    {"type", T_U8, ATTR_PLAIN},
    {"flags", T_U8, ATTR_PLAIN},
    {"root-priority", T_U16, ATTR_PLAIN},
    {"root-priority-hi", T_U16, ATTR_PLAIN},
    {"root-address", T_MAC, ATTR_PLAIN},
    {"root-address-mask", T_MACMASK, ATTR_PLAIN},
    {"root-cost", T_U32, ATTR_PLAIN},
    {"root-cost-hi", T_U32, ATTR_PLAIN},
    {"sender-priority", T_U16, ATTR_PLAIN},
    {"sender-priority-hi", T_U16, ATTR_PLAIN},
    {"sender-address", T_MAC, ATTR_PLAIN},
    {"sender-address-mask", T_MACMASK, ATTR_PLAIN},
    {"port", T_U16, ATTR_PLAIN},
    {"port-hi", T_U16, ATTR_PLAIN},
    {"age", T_U16, ATTR_PLAIN},
    {"age-hi", T_U16, ATTR_PLAIN},
    {"max-age", T_U16, ATTR_PLAIN},
    {"max-age-hi", T_U16, ATTR_PLAIN},
    {"hello-time", T_U16, ATTR_PLAIN},
    {"hello-time-hi", T_U16, ATTR_PLAIN},
    {"forward-delay", T_U16, ATTR_PLAIN},
    {"forward-delay-hi", T_U16, ATTR_PLAIN},
    ATTR_COMMENT, ATTR_END,
};

static const virNWFilterAttrDef arpAttrs[] = {
    ATTRS_MAC,
    {"hwtype", T_U16, ATTR_PLAIN},
    {"protocoltype", T_U16, ATTR_PLAIN},
    {"opcode", T_U16 | T_STR, ATTR_ARP_OPCODE},
    {"arpsrcmacaddr", T_MAC, ATTR_PLAIN},
    {"arpdstmacaddr", T_MAC, ATTR_PLAIN},
    {"arpsrcipaddr", T_IP, ATTR_PLAIN},
    {"arpsrcipmask", T_IPMASK, ATTR_PLAIN},
    {"arpdstipaddr", T_IP, ATTR_PLAIN},
    {"arpdstipmask", T_IPMASK, ATTR_PLAIN},
    {"gratuitous", VIR_NWFILTER_DATATYPE_BOOLEAN, ATTR_PLAIN},
    ATTR_COMMENT, ATTR_END,
};

static const virNWFilterAttrDef ipAttrs[] = {
    ATTRS_MAC,
    {"srcipaddr", T_IP, ATTR_PLAIN},
    {"srcipmask", T_IPMASK, ATTR_PLAIN},
    {"dstipaddr", T_IP, ATTR_PLAIN},
    {"dstipmask", T_IPMASK, ATTR_PLAIN},
    {"protocol", T_STR | T_U8, ATTR_IP_PROTOCOL},
    ATTRS_PORTS,
    {"dscp", T_U8, ATTR_DSCP},
    ATTR_COMMENT, ATTR_END,
};

static const virNWFilterAttrDef ipv6Attrs[] = {
    ATTRS_MAC,
    {"srcipaddr", T_IP6, ATTR_PLAIN},
    {"srcipmask", T_IP6MASK, ATTR_PLAIN},
    {"dstipaddr", T_IP6, ATTR_PLAIN},
    {"dstipmask", T_IP6MASK, ATTR_PLAIN},
    {"protocol", T_STR | T_U8, ATTR_IP_PROTOCOL},
    ATTRS_PORTS,
    {"type", T_U8, ATTR_PLAIN},
    {"typeend", T_U8, ATTR_PLAIN},
    {"code", T_U8, ATTR_PLAIN},
    {"codeend", T_U8, ATTR_PLAIN},
    ATTR_COMMENT, ATTR_END,
};

static const virNWFilterAttrDef tcpAttrs[] = {
    ATTRS_L3(T_IP, T_IPMASK), ATTRS_PORTS,
    {"option", T_U8, ATTR_PLAIN},
    {"flags", T_STR, ATTR_TCP_FLAGS},
    ATTR_COMMENT, ATTR_END,
};

static const virNWFilterAttrDef udpAttrs[] = {
    ATTRS_L3(T_IP, T_IPMASK), ATTRS_PORTS, ATTR_COMMENT, ATTR_END,
};

static const virNWFilterAttrDef ipOnlyAttrs[] = {
    ATTRS_L3(T_IP, T_IPMASK), ATTR_COMMENT, ATTR_END,
};

static const virNWFilterAttrDef icmpAttrs[] = {
    ATTRS_L3(T_IP, T_IPMASK),
    {"type", T_U8, ATTR_PLAIN},
    {"code", T_U8, ATTR_PLAIN},
    ATTR_COMMENT, ATTR_END,
};

static const virNWFilterAttrDef tcp6Attrs[] = {
    ATTRS_L3(T_IP6, T_IP6MASK), ATTRS_PORTS,
    {"option", T_U8, ATTR_PLAIN},
    ATTR_COMMENT, ATTR_END,
};

static const virNWFilterAttrDef udp6Attrs[] = {
    ATTRS_L3(T_IP6, T_IP6MASK), ATTRS_PORTS, ATTR_COMMENT, ATTR_END,
};

static const virNWFilterAttrDef ip6OnlyAttrs[] = {
    ATTRS_L3(T_IP6, T_IP6MASK), ATTR_COMMENT, ATTR_END,
};

static const virNWFilterAttrDef icmp6Attrs[] = {
    ATTRS_L3(T_IP6, T_IP6MASK),
    {"type", T_U8, ATTR_PLAIN},
    {"code", T_U8, ATTR_PLAIN},
    ATTR_COMMENT, ATTR_END,
};

typedef struct {
    const char *element;
    const virNWFilterAttrDef *attrs;
    virNWFilterRuleProtocolType type;
} virNWFilterProtocolDef;

/* In upstream's lookup order. */
static const virNWFilterProtocolDef protocols[] = {
    {"arp", arpAttrs, VIR_NWFILTER_RULE_PROTOCOL_ARP},
    {"rarp", arpAttrs, VIR_NWFILTER_RULE_PROTOCOL_RARP},
    {"mac", macAttrs, VIR_NWFILTER_RULE_PROTOCOL_MAC},
    {"vlan", vlanAttrs, VIR_NWFILTER_RULE_PROTOCOL_VLAN},
    {"stp", stpAttrs, VIR_NWFILTER_RULE_PROTOCOL_STP},
    {"ip", ipAttrs, VIR_NWFILTER_RULE_PROTOCOL_IP},
    {"ipv6", ipv6Attrs, VIR_NWFILTER_RULE_PROTOCOL_IPV6},
    {"tcp", tcpAttrs, VIR_NWFILTER_RULE_PROTOCOL_TCP},
    {"udp", udpAttrs, VIR_NWFILTER_RULE_PROTOCOL_UDP},
    {"udplite", ipOnlyAttrs, VIR_NWFILTER_RULE_PROTOCOL_UDPLITE},
    {"esp", ipOnlyAttrs, VIR_NWFILTER_RULE_PROTOCOL_ESP},
    {"ah", ipOnlyAttrs, VIR_NWFILTER_RULE_PROTOCOL_AH},
    {"sctp", udpAttrs, VIR_NWFILTER_RULE_PROTOCOL_SCTP},
    {"icmp", icmpAttrs, VIR_NWFILTER_RULE_PROTOCOL_ICMP},
    {"all", ipOnlyAttrs, VIR_NWFILTER_RULE_PROTOCOL_ALL},
    {"igmp", ipOnlyAttrs, VIR_NWFILTER_RULE_PROTOCOL_IGMP},
    {"tcp-ipv6", tcp6Attrs, VIR_NWFILTER_RULE_PROTOCOL_TCPoIPV6},
    {"udp-ipv6", udp6Attrs, VIR_NWFILTER_RULE_PROTOCOL_UDPoIPV6},
    {"udplite-ipv6", ip6OnlyAttrs, VIR_NWFILTER_RULE_PROTOCOL_UDPLITEoIPV6},
    {"esp-ipv6", ip6OnlyAttrs, VIR_NWFILTER_RULE_PROTOCOL_ESPoIPV6},
    {"ah-ipv6", ip6OnlyAttrs, VIR_NWFILTER_RULE_PROTOCOL_AHoIPV6},
    {"sctp-ipv6", udp6Attrs, VIR_NWFILTER_RULE_PROTOCOL_SCTPoIPV6},
    {"icmpv6", icmp6Attrs, VIR_NWFILTER_RULE_PROTOCOL_ICMPV6},
    {"all-ipv6", ip6OnlyAttrs, VIR_NWFILTER_RULE_PROTOCOL_ALLoIPV6},
};

static const virNWFilterProtocolDef *
virNWFilterProtocolByType(virNWFilterRuleProtocolType type)
{
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(protocols); i++) {
        if (protocols[i].type == type)
            return &protocols[i];
    }
    return NULL;
}

/* ---- Named values ---- */

typedef struct {
    int value;
    const char *name;
} virNWFilterIntMap;

static const virNWFilterIntMap macProtoMap[] = {
    {0x0806, "arp"}, {0x8035, "rarp"}, {0x0800, "ipv4"}, {0x86DD, "ipv6"},
    {0x8100, "vlan"}, {0, NULL},
};

static const virNWFilterIntMap arpOpcodeMap[] = {
    {1, "Request"}, {2, "Reply"}, {3, "Request_Reverse"},
    {4, "Reply_Reverse"}, {5, "DRARP_Request"}, {6, "DRARP_Reply"},
    {7, "DRARP_Error"}, {8, "InARP_Request"}, {9, "ARP_NAK"}, {0, NULL},
};

static const virNWFilterIntMap ipProtoMap[] = {
    {6, "tcp"}, {17, "udp"}, {136, "udplite"}, {50, "esp"}, {51, "ah"},
    {1, "icmp"}, {2, "igmp"}, {132, "sctp"}, {58, "icmpv6"}, {0, NULL},
};

static const virNWFilterIntMap stateMap[] = {
    {VIR_NWFILTER_RULE_FLAG_STATE_NEW, "NEW"},
    {VIR_NWFILTER_RULE_FLAG_STATE_ESTABLISHED, "ESTABLISHED"},
    {VIR_NWFILTER_RULE_FLAG_STATE_RELATED, "RELATED"},
    {VIR_NWFILTER_RULE_FLAG_STATE_INVALID, "INVALID"},
    {VIR_NWFILTER_RULE_FLAG_STATE_NONE, "NONE"},
    {0, NULL},
};

static const virNWFilterIntMap tcpFlagsMap[] = {
    {0x1, "FIN"}, {0x2, "SYN"}, {0x4, "RST"}, {0x8, "PSH"}, {0x10, "ACK"},
    {0x20, "URG"}, {0x3F, "ALL"}, {0x0, "NONE"}, {0, NULL},
};

static int
virNWFilterMapByName(const virNWFilterIntMap *map, const char *name)
{
    size_t i;

    for (i = 0; map[i].name; i++) {
        if (g_ascii_strcasecmp(map[i].name, name) == 0)
            return map[i].value;
    }
    return -1;
}

static const char *
virNWFilterMapByValue(const virNWFilterIntMap *map, int value)
{
    size_t i;

    for (i = 0; map[i].name; i++) {
        if (map[i].value == value)
            return map[i].name;
    }
    return NULL;
}

/* Ors together a list of map names separated by sep (and blanks); each
 * item matches a name by prefix, case-insensitively, as upstream. */
static int
virNWFilterParseItems(const virNWFilterIntMap *map, const char *input,
                      char sep, int *flags)
{
    size_t i = 0;

    while (input[i]) {
        size_t j;
        bool found = false;

        while (g_ascii_isspace(input[i]) || input[i] == sep)
            i++;
        if (!input[i])
            break;
        for (j = 0; map[j].name; j++) {
            size_t len = strlen(map[j].name);

            if (g_ascii_strncasecmp(&input[i], map[j].name, len) == 0) {
                *flags |= map[j].value;
                i += len;
                found = true;
                break;
            }
        }
        if (!found)
            return -1;
    }
    return 0;
}

/* The names of the single bits set in flags, lowest first. */
static void
virNWFilterFormatItems(virBuffer *buf, const virNWFilterIntMap *map,
                       int flags)
{
    unsigned int bit;
    bool first = true;

    for (bit = 1; bit && flags; bit <<= 1) {
        size_t i;

        if (!(flags & bit))
            continue;
        for (i = 0; map[i].name; i++) {
            if (map[i].value == (int)bit) {
                if (!first)
                    virBufferAddChar(buf, ',');
                virBufferAddStr(buf, map[i].name);
                first = false;
            }
        }
        flags &= ~bit;
    }
}

static void
virNWFilterFormatTCPFlags(virBuffer *buf, uint8_t flags)
{
    if (flags == 0)
        virBufferAddLit(buf, "NONE");
    else if (flags == 0x3f)
        virBufferAddLit(buf, "ALL");
    else
        virNWFilterFormatItems(buf, tcpFlagsMap, flags);
}

/* ---- Reading values ---- */

/* A contiguous mask of ones from the top: true. */
static bool
virNWFilterIsValidMask(const unsigned char *data, size_t len)
{
    size_t bit;
    bool ones = true;

    for (bit = 0; bit < len * 8; bit++) {
        bool set = data[bit / 8] & (0x80 >> (bit % 8));

        if (!ones && set)
            return false;
        if (!set)
            ones = false;
    }
    return true;
}

/* Parses an address of family af into its canonical text; with bits,
 * also its netmask length (-1 when not contiguous). */
static int
virNWFilterParseIP(const char *str, int af, char **text, int *bits)
{
    unsigned char raw[16];
    char out[INET6_ADDRSTRLEN];

    if (af == AF_INET) {
        struct in_addr in;

        if (inet_aton(str, &in) == 0)
            return -1;
        memcpy(raw, &in, 4);
    } else if (inet_pton(AF_INET6, str, raw) != 1) {
        return -1;
    }
    if (bits) {
        *bits = virNWFilterIsValidMask(raw, af == AF_INET ? 4 : 16) ? 0 : -1;
        if (*bits == 0) {
            size_t i;

            for (i = 0; i < (af == AF_INET ? 32U : 128U); i++) {
                if (!(raw[i / 8] & (0x80 >> (i % 8))))
                    break;
            }
            *bits = i;
        }
    }
    if (text) {
        inet_ntop(af, raw, out, sizeof(out));
        *text = g_strdup(out);
    }
    return 0;
}

/* Reads str as one datatype into item.  0 read, -1 not of this type. */
static int
virNWFilterParseAs(virNWFilterDatatype type, const char *str,
                   virNWFilterRuleItem *item)
{
    unsigned int val;
    int bits;

    switch (type) {
    case VIR_NWFILTER_DATATYPE_UINT8:
    case VIR_NWFILTER_DATATYPE_UINT8_HEX:
        if (virStrToLong_ui(str, NULL,
                            type == VIR_NWFILTER_DATATYPE_UINT8 ? 10 : 16,
                            &val) < 0 || val > 0xff)
            return -1;
        item->u.u8 = val;
        return 0;
    case VIR_NWFILTER_DATATYPE_UINT16:
    case VIR_NWFILTER_DATATYPE_UINT16_HEX:
        if (virStrToLong_ui(str, NULL,
                            type == VIR_NWFILTER_DATATYPE_UINT16 ? 10 : 16,
                            &val) < 0 || val > 0xffff)
            return -1;
        item->u.u16 = val;
        return 0;
    case VIR_NWFILTER_DATATYPE_UINT32:
    case VIR_NWFILTER_DATATYPE_UINT32_HEX:
        if (virStrToLong_ui(str, NULL,
                            type == VIR_NWFILTER_DATATYPE_UINT32 ? 10 : 16,
                            &val) < 0)
            return -1;
        item->u.u32 = val;
        return 0;
    case VIR_NWFILTER_DATATYPE_IPADDR:
    case VIR_NWFILTER_DATATYPE_IPV6ADDR:
        g_clear_pointer(&item->str, g_free);
        return virNWFilterParseIP(str, type == VIR_NWFILTER_DATATYPE_IPADDR ?
                                  AF_INET : AF_INET6, &item->str, NULL);
    case VIR_NWFILTER_DATATYPE_IPMASK:
    case VIR_NWFILTER_DATATYPE_IPV6MASK: {
        unsigned int max = type == VIR_NWFILTER_DATATYPE_IPMASK ? 32 : 128;

        /* a prefix length or a dotted mask, kept as a prefix length */
        if (virStrToLong_ui(str, NULL, 10, &val) == 0) {
            if (val > max)
                return -1;
            item->u.u8 = val;
            return 0;
        }
        if (virNWFilterParseIP(str, max == 32 ? AF_INET : AF_INET6,
                               NULL, &bits) < 0 || bits < 0)
            return -1;
        item->u.u8 = bits;
        return 0;
    }
    case VIR_NWFILTER_DATATYPE_MACADDR:
        return virNWFilterParseMAC(str, item->u.mac);
    case VIR_NWFILTER_DATATYPE_MACMASK:
        if (virNWFilterParseMAC(str, item->u.mac) < 0 ||
            !virNWFilterIsValidMask(item->u.mac, 6))
            return -1;
        return 0;
    case VIR_NWFILTER_DATATYPE_STRINGCOPY:
        g_free(item->str);
        item->str = g_strndup(str, VIR_NWFILTER_MAX_COMMENT_LENGTH);
        return 0;
    case VIR_NWFILTER_DATATYPE_BOOLEAN:
        item->u.boolean = g_str_equal(str, "true") || g_str_equal(str, "1") ||
                          g_str_equal(str, "yes");
        return 0;
    case VIR_NWFILTER_DATATYPE_STRING:
    case VIR_NWFILTER_DATATYPE_IPSETNAME:
    case VIR_NWFILTER_DATATYPE_IPSETFLAGS:
        /* the attribute's kind reads these */
        return 0;
    case VIR_NWFILTER_DATATYPE_LAST:
        break;
    }
    return -1;
}

/* The checks and conversions of the special attributes, after the value
 * was read as *type.  false rejects the value. */
static bool
virNWFilterCheckKind(virNWFilterAttrKind kind, const char *str,
                     virNWFilterDatatype *type, virNWFilterRuleItem *item)
{
    int val;

    switch (kind) {
    case ATTR_PLAIN:
        return true;
    case ATTR_MAC_PROTOCOL:
    case ATTR_VLAN_ENCAP:
        if (*type == VIR_NWFILTER_DATATYPE_STRING) {
            if ((val = virNWFilterMapByName(macProtoMap, str)) < 0)
                return false;
            item->u.u16 = val;
            *type = VIR_NWFILTER_DATATYPE_UINT16;
            return true;
        }
        return item->u.u16 >= (kind == ATTR_MAC_PROTOCOL ? 0x600 : 0x3c);
    case ATTR_VLAN_ID:
        return item->u.u16 <= 4095;
    case ATTR_ARP_OPCODE:
        if (*type == VIR_NWFILTER_DATATYPE_STRING) {
            if ((val = virNWFilterMapByName(arpOpcodeMap, str)) < 0)
                return false;
            item->u.u16 = val;
            *type = VIR_NWFILTER_DATATYPE_UINT16;
        }
        return true;
    case ATTR_IP_PROTOCOL:
        if (*type == VIR_NWFILTER_DATATYPE_STRING) {
            if ((val = virNWFilterMapByName(ipProtoMap, str)) < 0)
                return false;
            item->u.u8 = val;
            *type = VIR_NWFILTER_DATATYPE_UINT8_HEX;
        }
        return true;
    case ATTR_DSCP:
        return item->u.u8 <= 63;
    case ATTR_STATE:
        val = 0;
        if (virNWFilterParseItems(stateMap, str, ',', &val) < 0)
            return false;
        if (val & VIR_NWFILTER_RULE_FLAG_STATE_NONE)
            val = VIR_NWFILTER_RULE_FLAG_STATE_NONE;
        item->u.u16 = val;
        *type = VIR_NWFILTER_DATATYPE_UINT16;
        return true;
    case ATTR_TCP_FLAGS: {
        g_auto(GStrv) parts = g_strsplit(str, "/", 2);
        int mask = 0;
        int flags = 0;

        if (!parts[0] || !parts[1] ||
            virNWFilterParseItems(tcpFlagsMap, parts[0], ',', &mask) < 0 ||
            virNWFilterParseItems(tcpFlagsMap, parts[1], ',', &flags) < 0)
            return false;
        item->u.tcpFlags.mask = mask & 0x3f;
        item->u.tcpFlags.flags = flags & 0x3f;
        return true;
    }
    case ATTR_IPSET:
        if (strlen(str) >= VIR_NWFILTER_MAX_IPSET_NAME_LENGTH) {
            virReportError(VIR_ERR_INVALID_ARG, "%s", "ipset name is too long");
            return false;
        }
        if (str[strspn(str, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                            "0123456789_.:-+ ")] != '\0') {
            virReportError(VIR_ERR_INVALID_ARG, "%s",
                           "ipset name contains invalid characters");
            return false;
        }
        g_free(item->str);
        item->str = g_strdup(str);
        return true;
    case ATTR_IPSET_FLAGS: {
        size_t idx = 0;

        item->u.ipset.numFlags = 0;
        item->u.ipset.flags = 0;
        while (item->u.ipset.numFlags < 6) {
            if (g_ascii_strncasecmp(&str[idx], "src", 3) == 0)
                item->u.ipset.flags |= 1 << item->u.ipset.numFlags;
            else if (g_ascii_strncasecmp(&str[idx], "dst", 3) != 0)
                break;
            item->u.ipset.numFlags++;
            idx += 3;
            if (str[idx] != ',')
                break;
            idx++;
        }
        if (str[idx] != '\0' || item->u.ipset.numFlags == 0) {
            virReportError(VIR_ERR_INVALID_ARG, "%s", "malformed ipset flags");
            return false;
        }
        return true;
    }
    }
    return false;
}

/* Reads the value of one attribute: a $VARIABLE, or the first of its
 * datatypes that accepts it. */
static int
virNWFilterRuleItemParse(const virNWFilterAttrDef *attr, const char *str,
                         unsigned int negflag, virNWFilterRuleItem *item)
{
    unsigned int left = attr->datatypes;
    virNWFilterDatatype type;

    if (str[0] == '$') {
        virNWFilterVarAccess *var = virNWFilterVarAccessParse(str + 1);

        if (!var)
            goto error;
        virNWFilterVarAccessFree(item->var);
        item->var = var;
        item->flags = VIR_NWFILTER_ITEM_EXISTS | VIR_NWFILTER_ITEM_HAS_VAR |
                      negflag;
        item->datatype = 0;
        return 0;
    }

    for (type = 1; type < VIR_NWFILTER_DATATYPE_LAST; type <<= 1) {
        virNWFilterDatatype got = type;

        if (!(left & type))
            continue;
        left &= ~type;
        if (virNWFilterParseAs(type, str, item) < 0) {
            if (left)
                continue;
            goto error;
        }
        if (!virNWFilterCheckKind(attr->kind, str, &got, item))
            goto error;
        item->flags = VIR_NWFILTER_ITEM_EXISTS | negflag;
        item->datatype = got;
        return 0;
    }

 error:
    item->flags = 0;
    virReportError(VIR_ERR_INTERNAL_ERROR, "%s has illegal value %s",
                   attr->name, str);
    return -1;
}

static void
virNWFilterRuleItemClear(virNWFilterRuleItem *item)
{
    virNWFilterVarAccessFree(item->var);
    g_free(item->str);
}

void
virNWFilterRuleDefFree(virNWFilterRuleDef *rule)
{
    size_t i;

    if (!rule)
        return;
    for (i = 0; i < rule->nitems; i++)
        virNWFilterRuleItemClear(&rule->items[i]);
    g_free(rule->items);
    g_free(rule);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNWFilterRuleDef, virNWFilterRuleDefFree);

static virNWFilterRuleItem *
virNWFilterRuleItemByName(virNWFilterRuleDef *rule, const char *name)
{
    const virNWFilterProtocolDef *proto = virNWFilterProtocolByType(rule->prtclType);
    size_t i;

    for (i = 0; proto && proto->attrs[i].name; i++) {
        if (g_str_equal(proto->attrs[i].name, name))
            return &rule->items[i];
    }
    return NULL;
}

/* Upstream copies the negation of some attributes onto their partners
 * (a mask takes its address's), whether or not either is present. */
static void
virNWFilterCopyNeg(virNWFilterRuleDef *rule, const char *dst, const char *src)
{
    virNWFilterRuleItem *d = virNWFilterRuleItemByName(rule, dst);
    virNWFilterRuleItem *s = virNWFilterRuleItemByName(rule, src);

    if (!d || !s)
        return;
    d->flags = (d->flags & ~VIR_NWFILTER_ITEM_IS_NEG) |
               (s->flags & VIR_NWFILTER_ITEM_IS_NEG);
}

/* An ipset without flags matches on the source; flags given with an
 * ipset, or either alone, are dropped (upstream's behaviour). */
static void
virNWFilterFixupIPSet(virNWFilterRuleDef *rule)
{
    virNWFilterRuleItem *set = virNWFilterRuleItemByName(rule, "ipset");
    virNWFilterRuleItem *flags = virNWFilterRuleItemByName(rule, "ipsetflags");

    if (!set || !flags)
        return;
    if ((set->flags & VIR_NWFILTER_ITEM_EXISTS) &&
        !(flags->flags & VIR_NWFILTER_ITEM_EXISTS)) {
        flags->flags = VIR_NWFILTER_ITEM_EXISTS;
        flags->datatype = VIR_NWFILTER_DATATYPE_IPSETFLAGS;
        flags->u.ipset.numFlags = 1;
        flags->u.ipset.flags = 1;
    } else {
        set->flags = 0;
        flags->flags = 0;
    }
}

static void
virNWFilterRuleFixup(virNWFilterRuleDef *rule)
{
    static const char *const stpPairs[] = {
        "srcmacmask", "srcmacaddr", "root-priority-hi", "root-priority",
        "root-address-mask", "root-address", "root-cost-hi", "root-cost",
        "sender-priority-hi", "sender-priority", "sender-address-mask",
        "sender-address", "port-hi", "port", "age-hi", "age",
        "max-age-hi", "max-age", "hello-time-hi", "hello-time",
        "forward-delay-hi", "forward-delay", NULL,
    };
    static const char *const l3Pairs[] = {
        "srcipmask", "srcipaddr", "dstipmask", "dstipaddr",
        "srcipto", "srcipfrom", "dstipto", "dstipfrom", NULL,
    };
    static const char *const portPairs[] = {
        "srcportend", "srcportstart", "dstportstart", "srcportstart",
        "dstportend", "srcportstart", NULL,
    };
    const char *const *pairs[3] = { NULL, NULL, NULL };
    bool ipset = true;
    size_t i;
    size_t j;

    switch (rule->prtclType) {
    case VIR_NWFILTER_RULE_PROTOCOL_MAC:
    case VIR_NWFILTER_RULE_PROTOCOL_VLAN:
        virNWFilterCopyNeg(rule, "srcmacmask", "srcmacaddr");
        virNWFilterCopyNeg(rule, "dstmacmask", "dstmacaddr");
        return;
    case VIR_NWFILTER_RULE_PROTOCOL_STP:
        pairs[0] = stpPairs;
        ipset = false;
        break;
    case VIR_NWFILTER_RULE_PROTOCOL_IP:
    case VIR_NWFILTER_RULE_PROTOCOL_IPV6:
        virNWFilterCopyNeg(rule, "srcipmask", "srcipaddr");
        virNWFilterCopyNeg(rule, "dstipmask", "dstipaddr");
        if (rule->prtclType == VIR_NWFILTER_RULE_PROTOCOL_IPV6) {
            virNWFilterCopyNeg(rule, "typeend", "type");
            virNWFilterCopyNeg(rule, "code", "type");
            virNWFilterCopyNeg(rule, "codeend", "type");
        }
        return;
    case VIR_NWFILTER_RULE_PROTOCOL_TCP:
    case VIR_NWFILTER_RULE_PROTOCOL_TCPoIPV6:
    case VIR_NWFILTER_RULE_PROTOCOL_UDP:
    case VIR_NWFILTER_RULE_PROTOCOL_UDPoIPV6:
    case VIR_NWFILTER_RULE_PROTOCOL_SCTP:
    case VIR_NWFILTER_RULE_PROTOCOL_SCTPoIPV6:
        pairs[0] = l3Pairs;
        pairs[1] = portPairs;
        break;
    case VIR_NWFILTER_RULE_PROTOCOL_UDPLITE:
    case VIR_NWFILTER_RULE_PROTOCOL_UDPLITEoIPV6:
    case VIR_NWFILTER_RULE_PROTOCOL_ESP:
    case VIR_NWFILTER_RULE_PROTOCOL_ESPoIPV6:
    case VIR_NWFILTER_RULE_PROTOCOL_AH:
    case VIR_NWFILTER_RULE_PROTOCOL_AHoIPV6:
    case VIR_NWFILTER_RULE_PROTOCOL_IGMP:
        pairs[0] = l3Pairs;
        break;
    case VIR_NWFILTER_RULE_PROTOCOL_ICMP:
    case VIR_NWFILTER_RULE_PROTOCOL_ICMPV6:
        pairs[0] = l3Pairs;
        virNWFilterCopyNeg(rule, "code", "type");
        break;
    case VIR_NWFILTER_RULE_PROTOCOL_ALL:
    case VIR_NWFILTER_RULE_PROTOCOL_ALLoIPV6:
        pairs[0] = l3Pairs;
        ipset = false;
        break;
    default:
        return;
    }
    for (i = 0; pairs[i]; i++) {
        for (j = 0; pairs[i][j]; j += 2)
            virNWFilterCopyNeg(rule, pairs[i][j], pairs[i][j + 1]);
    }
    if (ipset)
        virNWFilterFixupIPSet(rule);
}

/* An ip or ipv6 rule with ports must name a protocol that has them. */
static int
virNWFilterRuleValidate(virNWFilterRuleDef *rule)
{
    static const char *const ports[] = {
        "srcportstart", "dstportstart", "srcportend", "dstportend",
    };
    virNWFilterRuleItem *proto;
    bool hasPorts = false;
    size_t i;

    if (rule->prtclType != VIR_NWFILTER_RULE_PROTOCOL_IP &&
        rule->prtclType != VIR_NWFILTER_RULE_PROTOCOL_IPV6)
        return 0;
    for (i = 0; i < G_N_ELEMENTS(ports); i++) {
        if (virNWFilterRuleItemByName(rule, ports[i])->flags &
            VIR_NWFILTER_ITEM_EXISTS)
            hasPorts = true;
    }
    if (!hasPorts)
        return 0;
    proto = virNWFilterRuleItemByName(rule, "protocol");
    if ((proto->flags & VIR_NWFILTER_ITEM_EXISTS) &&
        (proto->u.u8 == 6 || proto->u.u8 == 17 || proto->u.u8 == 33 ||
         proto->u.u8 == 132))
        return 0;
    virReportError(VIR_ERR_INTERNAL_ERROR,
                   "%s rule with port specification requires protocol specification with protocol to be either one of tcp(6), udp(17), dccp(33), or sctp(132)",
                   rule->prtclType == VIR_NWFILTER_RULE_PROTOCOL_IP ? "IP" : "IPv6");
    return -1;
}

static int
virNWFilterRuleDetailsParse(xmlNodePtr node, virNWFilterRuleDef *rule,
                            const virNWFilterAttrDef *attrs)
{
    g_autofree char *match = virXMLPropString(node, "match");
    unsigned int negflag = 0;
    int ret = 0;
    size_t i;

    if (match && g_str_equal(match, "no"))
        negflag = VIR_NWFILTER_ITEM_IS_NEG;
    /* every attribute is read (and checked) even after an error */
    for (i = 0; attrs[i].name; i++) {
        g_autofree char *value = virXMLPropString(node, attrs[i].name);

        if (value &&
            virNWFilterRuleItemParse(&attrs[i], value, negflag,
                                     &rule->items[i]) < 0)
            ret = -1;
    }
    return ret;
}

virNWFilterRuleDef *
virNWFilterRuleParseXML(xmlNodePtr node)
{
    g_autoptr(virNWFilterRuleDef) rule = g_new0(virNWFilterRuleDef, 1);
    g_autofree char *action = virXMLPropString(node, "action");
    g_autofree char *direction = virXMLPropString(node, "direction");
    g_autofree char *prio = virXMLPropString(node, "priority");
    g_autofree char *statematch = virXMLPropString(node, "statematch");
    const virNWFilterProtocolDef *proto = NULL;
    xmlNodePtr cur;
    int val;

    if (!action) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "rule node requires action attribute");
        return NULL;
    }
    if ((val = virNWFilterRuleActionTypeFromString(action)) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "unknown rule action attribute value");
        return NULL;
    }
    rule->action = val;
    if (!direction) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "rule node requires direction attribute");
        return NULL;
    }
    if ((val = virNWFilterRuleDirectionTypeFromString(direction)) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "unknown rule direction attribute value");
        return NULL;
    }
    rule->tt = val;

    /* a bad or out of range priority silently gives the default */
    rule->priority = VIR_NWFILTER_MAX_RULE_PRIORITY / 2;
    if (prio && virStrToLong_i(prio, NULL, 10, &val) >= 0 &&
        val <= VIR_NWFILTER_MAX_RULE_PRIORITY &&
        val >= VIR_NWFILTER_MIN_RULE_PRIORITY)
        rule->priority = val;
    if (statematch &&
        (g_str_equal(statematch, "0") ||
         g_ascii_strcasecmp(statematch, "false") == 0))
        rule->flags |= VIR_NWFILTER_RULE_FLAG_NO_STATEMATCH;

    /* The first protocol element decides; later ones of the same name
     * update it, others are ignored. */
    for (cur = virXMLFirstElement(node); cur; cur = virXMLNextElement(cur)) {
        size_t i;

        if (!proto) {
            for (i = 0; i < G_N_ELEMENTS(protocols); i++) {
                if (virXMLNodeNameEqual(cur, protocols[i].element)) {
                    size_t n = 0;

                    proto = &protocols[i];
                    rule->prtclType = proto->type;
                    while (proto->attrs[n].name)
                        n++;
                    rule->nitems = n;
                    rule->items = g_new0(virNWFilterRuleItem, n);
                    break;
                }
            }
            if (!proto)
                continue;
        } else if (!virXMLNodeNameEqual(cur, proto->element)) {
            continue;
        }
        virXMLNodeMarkConsumed(cur);
        if (virNWFilterRuleDetailsParse(cur, rule, proto->attrs) < 0 ||
            virNWFilterRuleValidate(rule) < 0)
            return NULL;
    }
    virNWFilterRuleFixup(rule);
    return g_steal_pointer(&rule);
}

/* ---- Formatting ---- */

static void
virNWFilterRuleItemFormat(virBuffer *buf, const virNWFilterAttrDef *attr,
                          const virNWFilterRuleItem *item)
{
    const char *name;
    bool hex = false;
    size_t j;

    if (item->flags & VIR_NWFILTER_ITEM_HAS_VAR) {
        virBufferAddChar(buf, '$');
        virNWFilterVarAccessFormat(buf, item->var);
        return;
    }
    switch (attr->kind) {
    case ATTR_MAC_PROTOCOL:
    case ATTR_VLAN_ENCAP:
        if ((name = virNWFilterMapByValue(macProtoMap, item->u.u16)))
            virBufferAddStr(buf, name);
        else
            virBufferAsprintf(buf,
                              item->datatype == VIR_NWFILTER_DATATYPE_UINT16 ?
                              "%d" : "0x%x", item->u.u16);
        return;
    case ATTR_ARP_OPCODE:
        if ((name = virNWFilterMapByValue(arpOpcodeMap, item->u.u16)))
            virBufferAddStr(buf, name);
        else
            virBufferAsprintf(buf, "%d", item->u.u16);
        return;
    case ATTR_IP_PROTOCOL:
        if ((name = virNWFilterMapByValue(ipProtoMap, item->u.u8)))
            virBufferAddStr(buf, name);
        else
            virBufferAsprintf(buf,
                              item->datatype == VIR_NWFILTER_DATATYPE_UINT8 ?
                              "%d" : "0x%x", item->u.u8);
        return;
    case ATTR_STATE:
        virNWFilterFormatItems(buf, stateMap, item->u.u16);
        return;
    case ATTR_TCP_FLAGS:
        virNWFilterFormatTCPFlags(buf, item->u.tcpFlags.mask);
        virBufferAddChar(buf, '/');
        virNWFilterFormatTCPFlags(buf, item->u.tcpFlags.flags);
        return;
    case ATTR_IPSET:
        virBufferEscapeString(buf, "%s", item->str);
        return;
    case ATTR_IPSET_FLAGS:
        for (j = 0; j < item->u.ipset.numFlags; j++) {
            if (j)
                virBufferAddChar(buf, ',');
            virBufferAddStr(buf, (item->u.ipset.flags & (1 << j)) ? "src" : "dst");
        }
        return;
    default:
        break;
    }

    switch (item->datatype) {
    case VIR_NWFILTER_DATATYPE_UINT8_HEX:
        hex = true;
        G_GNUC_FALLTHROUGH;
    case VIR_NWFILTER_DATATYPE_IPMASK:
    case VIR_NWFILTER_DATATYPE_IPV6MASK:
    case VIR_NWFILTER_DATATYPE_UINT8:
        virBufferAsprintf(buf, hex ? "0x%x" : "%d", item->u.u8);
        break;
    case VIR_NWFILTER_DATATYPE_UINT16_HEX:
        hex = true;
        G_GNUC_FALLTHROUGH;
    case VIR_NWFILTER_DATATYPE_UINT16:
        virBufferAsprintf(buf, hex ? "0x%x" : "%d", item->u.u16);
        break;
    case VIR_NWFILTER_DATATYPE_UINT32_HEX:
        hex = true;
        G_GNUC_FALLTHROUGH;
    case VIR_NWFILTER_DATATYPE_UINT32:
        virBufferAsprintf(buf, hex ? "0x%x" : "%u", item->u.u32);
        break;
    case VIR_NWFILTER_DATATYPE_IPADDR:
    case VIR_NWFILTER_DATATYPE_IPV6ADDR:
        virBufferAddStr(buf, item->str);
        break;
    case VIR_NWFILTER_DATATYPE_MACADDR:
    case VIR_NWFILTER_DATATYPE_MACMASK:
        for (j = 0; j < 6; j++)
            virBufferAsprintf(buf, "%02x%s", item->u.mac[j], j < 5 ? ":" : "");
        break;
    case VIR_NWFILTER_DATATYPE_STRINGCOPY:
        virBufferEscapeString(buf, "%s", item->str);
        break;
    case VIR_NWFILTER_DATATYPE_BOOLEAN:
        virBufferAddStr(buf, item->u.boolean ? "true" : "false");
        break;
    default:
        break;
    }
}

/* Attributes go into one element while their negation agrees; a change
 * closes it and opens another element for the rest (upstream's way of
 * writing mixed match='no' attributes). */
static void
virNWFilterRuleDetailsFormat(virBuffer *buf, const virNWFilterProtocolDef *proto,
                             const virNWFilterRuleDef *rule)
{
    enum { MATCH_NONE, MATCH_YES, MATCH_NO } shown = MATCH_NONE;
    bool open = false;
    bool everOpen = false;
    size_t i = 0;

    while (proto->attrs[i].name) {
        const virNWFilterRuleItem *item = &rule->items[i];

        if (!(item->flags & VIR_NWFILTER_ITEM_EXISTS)) {
            i++;
            continue;
        }
        if (!open) {
            virBufferAsprintf(buf, "<%s", proto->element);
            open = true;
            everOpen = true;
        }
        if (item->flags & VIR_NWFILTER_ITEM_IS_NEG) {
            if (shown == MATCH_NONE) {
                virBufferAddLit(buf, " match='no'");
                shown = MATCH_NO;
            } else if (shown == MATCH_YES) {
                virBufferAddLit(buf, "/>\n");
                open = false;
                shown = MATCH_NONE;
                continue;
            }
        } else {
            if (shown == MATCH_NO) {
                virBufferAddLit(buf, "/>\n");
                open = false;
                shown = MATCH_NONE;
                continue;
            }
            shown = MATCH_YES;
        }
        virBufferAsprintf(buf, " %s='", proto->attrs[i].name);
        virNWFilterRuleItemFormat(buf, &proto->attrs[i], item);
        virBufferAddChar(buf, '\'');
        i++;
    }
    if (open)
        virBufferAddLit(buf, "/>\n");
    if (!everOpen)
        virBufferAsprintf(buf, "<%s/>\n", proto->element);
}

void
virNWFilterRuleFormat(virBuffer *buf, const virNWFilterRuleDef *rule)
{
    const virNWFilterProtocolDef *proto = virNWFilterProtocolByType(rule->prtclType);

    virBufferAsprintf(buf, "<rule action='%s' direction='%s' priority='%d'",
                      virNWFilterRuleActionTypeToString(rule->action),
                      virNWFilterRuleDirectionTypeToString(rule->tt),
                      rule->priority);
    if (rule->flags & VIR_NWFILTER_RULE_FLAG_NO_STATEMATCH)
        virBufferAddLit(buf, " statematch='false'");
    if (!proto) {
        virBufferAddLit(buf, "/>\n");
        return;
    }
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);
    virNWFilterRuleDetailsFormat(buf, proto, rule);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</rule>\n");
}
