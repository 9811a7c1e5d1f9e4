/*
 * nwfilter_conf.h: the <filter> document of the network filter driver:
 * a chain of rules (each matching one protocol's header fields, values or
 * $VARIABLES) and references to other filters with parameters.
 */
#pragma once

#include <stdbool.h>
#include <stdint.h>

#include "internal.h"
#include "nwfilter_params.h"
#include "util/virbuffer.h"
#include "util/virenum.h"
#include "util/virxml.h"

typedef enum {
    VIR_NWFILTER_RULE_ACTION_DROP = 0,
    VIR_NWFILTER_RULE_ACTION_ACCEPT,
    VIR_NWFILTER_RULE_ACTION_REJECT,
    VIR_NWFILTER_RULE_ACTION_RETURN,
    VIR_NWFILTER_RULE_ACTION_CONTINUE,
    VIR_NWFILTER_RULE_ACTION_LAST
} virNWFilterRuleActionType;

typedef enum {
    VIR_NWFILTER_RULE_DIRECTION_IN = 0,
    VIR_NWFILTER_RULE_DIRECTION_OUT,
    VIR_NWFILTER_RULE_DIRECTION_INOUT,
    VIR_NWFILTER_RULE_DIRECTION_LAST
} virNWFilterRuleDirectionType;

typedef enum {
    VIR_NWFILTER_CHAINSUFFIX_ROOT = 0,
    VIR_NWFILTER_CHAINSUFFIX_MAC,
    VIR_NWFILTER_CHAINSUFFIX_VLAN,
    VIR_NWFILTER_CHAINSUFFIX_STP,
    VIR_NWFILTER_CHAINSUFFIX_ARP,
    VIR_NWFILTER_CHAINSUFFIX_RARP,
    VIR_NWFILTER_CHAINSUFFIX_IPV4,
    VIR_NWFILTER_CHAINSUFFIX_IPV6,
    VIR_NWFILTER_CHAINSUFFIX_LAST
} virNWFilterChainSuffixType;

typedef enum {
    VIR_NWFILTER_RULE_PROTOCOL_NONE = 0,
    VIR_NWFILTER_RULE_PROTOCOL_MAC,
    VIR_NWFILTER_RULE_PROTOCOL_VLAN,
    VIR_NWFILTER_RULE_PROTOCOL_STP,
    VIR_NWFILTER_RULE_PROTOCOL_ARP,
    VIR_NWFILTER_RULE_PROTOCOL_RARP,
    VIR_NWFILTER_RULE_PROTOCOL_IP,
    VIR_NWFILTER_RULE_PROTOCOL_IPV6,
    VIR_NWFILTER_RULE_PROTOCOL_TCP,
    VIR_NWFILTER_RULE_PROTOCOL_ICMP,
    VIR_NWFILTER_RULE_PROTOCOL_IGMP,
    VIR_NWFILTER_RULE_PROTOCOL_UDP,
    VIR_NWFILTER_RULE_PROTOCOL_UDPLITE,
    VIR_NWFILTER_RULE_PROTOCOL_ESP,
    VIR_NWFILTER_RULE_PROTOCOL_AH,
    VIR_NWFILTER_RULE_PROTOCOL_SCTP,
    VIR_NWFILTER_RULE_PROTOCOL_ALL,
    VIR_NWFILTER_RULE_PROTOCOL_TCPoIPV6,
    VIR_NWFILTER_RULE_PROTOCOL_ICMPV6,
    VIR_NWFILTER_RULE_PROTOCOL_UDPoIPV6,
    VIR_NWFILTER_RULE_PROTOCOL_UDPLITEoIPV6,
    VIR_NWFILTER_RULE_PROTOCOL_ESPoIPV6,
    VIR_NWFILTER_RULE_PROTOCOL_AHoIPV6,
    VIR_NWFILTER_RULE_PROTOCOL_SCTPoIPV6,
    VIR_NWFILTER_RULE_PROTOCOL_ALLoIPV6,
    VIR_NWFILTER_RULE_PROTOCOL_LAST
} virNWFilterRuleProtocolType;

VIR_ENUM_DECL(virNWFilterRuleAction);
VIR_ENUM_DECL(virNWFilterRuleDirection);
VIR_ENUM_DECL(virNWFilterChainSuffix);
VIR_ENUM_DECL(virNWFilterRuleProtocol);

/* The kinds of value an attribute may hold; an attribute accepting
 * several tries them in this order, as upstream does. */
typedef enum {
    VIR_NWFILTER_DATATYPE_UINT16 = 1 << 0,
    VIR_NWFILTER_DATATYPE_UINT8 = 1 << 1,
    VIR_NWFILTER_DATATYPE_UINT16_HEX = 1 << 2,
    VIR_NWFILTER_DATATYPE_UINT8_HEX = 1 << 3,
    VIR_NWFILTER_DATATYPE_MACADDR = 1 << 4,
    VIR_NWFILTER_DATATYPE_MACMASK = 1 << 5,
    VIR_NWFILTER_DATATYPE_IPADDR = 1 << 6,
    VIR_NWFILTER_DATATYPE_IPMASK = 1 << 7,
    VIR_NWFILTER_DATATYPE_STRING = 1 << 8,
    VIR_NWFILTER_DATATYPE_IPV6ADDR = 1 << 9,
    VIR_NWFILTER_DATATYPE_IPV6MASK = 1 << 10,
    VIR_NWFILTER_DATATYPE_STRINGCOPY = 1 << 11,
    VIR_NWFILTER_DATATYPE_BOOLEAN = 1 << 12,
    VIR_NWFILTER_DATATYPE_UINT32 = 1 << 13,
    VIR_NWFILTER_DATATYPE_UINT32_HEX = 1 << 14,
    VIR_NWFILTER_DATATYPE_IPSETNAME = 1 << 15,
    VIR_NWFILTER_DATATYPE_IPSETFLAGS = 1 << 16,
    VIR_NWFILTER_DATATYPE_LAST = 1 << 17,
} virNWFilterDatatype;

typedef enum {
    VIR_NWFILTER_ITEM_EXISTS = 1 << 0,
    VIR_NWFILTER_ITEM_IS_NEG = 1 << 1,   /* match='no' */
    VIR_NWFILTER_ITEM_HAS_VAR = 1 << 2,
} virNWFilterItemFlags;

typedef enum {
    VIR_NWFILTER_RULE_FLAG_NO_STATEMATCH = 1 << 0,
    VIR_NWFILTER_RULE_FLAG_STATE_NEW = 1 << 1,
    VIR_NWFILTER_RULE_FLAG_STATE_ESTABLISHED = 1 << 2,
    VIR_NWFILTER_RULE_FLAG_STATE_RELATED = 1 << 3,
    VIR_NWFILTER_RULE_FLAG_STATE_INVALID = 1 << 4,
    VIR_NWFILTER_RULE_FLAG_STATE_NONE = 1 << 5,
} virNWFilterRuleFlags;

#define VIR_NWFILTER_MIN_RULE_PRIORITY -1000
#define VIR_NWFILTER_MAX_RULE_PRIORITY 1000
#define VIR_NWFILTER_MAX_COMMENT_LENGTH 256
#define VIR_NWFILTER_MAX_IPSET_NAME_LENGTH 32   /* with the '\0' */

/* One attribute of a rule's protocol element. */
typedef struct _virNWFilterRuleItem virNWFilterRuleItem;
struct _virNWFilterRuleItem {
    unsigned int flags;         /* virNWFilterItemFlags */
    virNWFilterDatatype datatype;
    virNWFilterVarAccess *var;  /* with VIR_NWFILTER_ITEM_HAS_VAR */
    union {
        uint8_t u8;
        uint16_t u16;
        uint32_t u32;
        bool boolean;
        unsigned char mac[6];
        struct {
            uint8_t mask;
            uint8_t flags;
        } tcpFlags;
        struct {
            uint8_t numFlags;
            uint8_t flags;      /* bit n set: flag n is "src" */
        } ipset;
    } u;
    char *str;                  /* address text, comment or ipset name */
};

typedef struct _virNWFilterRuleDef virNWFilterRuleDef;
struct _virNWFilterRuleDef {
    int priority;
    unsigned int flags;         /* virNWFilterRuleFlags */
    virNWFilterRuleActionType action;
    virNWFilterRuleDirectionType tt;
    virNWFilterRuleProtocolType prtclType;
    /* one per attribute of the protocol's table, in table order */
    size_t nitems;
    virNWFilterRuleItem *items;
};

typedef struct _virNWFilterEntry virNWFilterEntry;
struct _virNWFilterEntry {
    virNWFilterRuleDef *rule;   /* a <rule>, or */
    char *filterref;            /* a <filterref> with params */
    virNWFilterParams params;
};

typedef struct _virNWFilterDef virNWFilterDef;
struct _virNWFilterDef {
    char *name;
    unsigned char uuid[16];
    bool uuid_specified;
    char *chainsuffix;
    int chainPriority;
    size_t nentries;
    virNWFilterEntry *entries;
};

typedef enum {
    VIR_NWFILTER_PARSE_VALIDATE = 1 << 0,
} virNWFilterParseFlags;

void virNWFilterDefFree(virNWFilterDef *def);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNWFilterDef, virNWFilterDefFree);

virNWFilterDef *virNWFilterDefParseString(const char *xml, unsigned int flags);
char *virNWFilterDefFormat(const virNWFilterDef *def);

/* Rules (nwfilter_rule.c). */
void virNWFilterRuleDefFree(virNWFilterRuleDef *rule);
virNWFilterRuleDef *virNWFilterRuleParseXML(xmlNodePtr node);
void virNWFilterRuleFormat(virBuffer *buf, const virNWFilterRuleDef *rule);
