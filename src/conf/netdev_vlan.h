/*
 * netdev_vlan.h: the <vlan> element shared by networks, portgroups,
 * network ports and domain interfaces: one or more <tag id/> (more than
 * one means a trunk), at most one of them marked as the native vlan.
 */
#pragma once

#include <stdbool.h>
#include <libxml/tree.h>

#include "internal.h"
#include "util/virbuffer.h"
#include "util/virenum.h"

typedef enum {
    VIR_NATIVE_VLAN_MODE_DEFAULT = 0,
    VIR_NATIVE_VLAN_MODE_TAGGED,
    VIR_NATIVE_VLAN_MODE_UNTAGGED,
    VIR_NATIVE_VLAN_MODE_LAST
} virNativeVlanMode;

VIR_ENUM_DECL(virNativeVlanMode);

/* Usually embedded in its owner; nTags == 0 means no <vlan>. */
typedef struct _virNetDevVlan virNetDevVlan;
struct _virNetDevVlan {
    bool trunk;
    size_t nTags;
    unsigned int *tag;
    int nativeMode;          /* virNativeVlanMode */
    unsigned int nativeTag;  /* the tag nativeMode applies to */
};

/* Frees the tags and zeroes def (for embedded ones). */
void virNetDevVlanClear(virNetDevVlan *def);
void virNetDevVlanFree(virNetDevVlan *def);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNetDevVlan, virNetDevVlanFree);
/* True when both describe the same tags (NULL equals no tags). */
bool virNetDevVlanEqual(const virNetDevVlan *a, const virNetDevVlan *b);
/* Deep copy of src into dst (dst is cleared first). */
void virNetDevVlanCopy(virNetDevVlan *dst, const virNetDevVlan *src);

/* Parses the <vlan> element node into def (which must be empty).
 * 0 on success, -1 with an error reported (def left empty). */
int virNetDevVlanParse(xmlNodePtr node, virNetDevVlan *def);

/* Writes <vlan> at buf's indentation; nothing without tags. */
void virNetDevVlanFormat(const virNetDevVlan *def, virBuffer *buf);
