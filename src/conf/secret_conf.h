/*
 * secret_conf.h: the <secret> document, a secret's identity and usage
 * (what it unlocks), without its value.
 */
#pragma once

#include <stdbool.h>

#include "internal.h"
#include "util/virbuffer.h"
#include "util/virenum.h"

typedef struct _virSecretDef virSecretDef;
struct _virSecretDef {
    bool isephemeral;
    bool isprivate;
    unsigned char uuid[VIR_UUID_BUFLEN];
    char *description;
    int usage_type;     /* virSecretUsageType */
    char *usage_id;     /* volume path, ceph/tls/vtpm name or iSCSI target */
};

VIR_ENUM_DECL(virSecretUsage);

void virSecretDefFree(virSecretDef *def);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virSecretDef, virSecretDefFree);

/* flags: VIR_SECRET_DEFINE_VALIDATE rejects what no parser read. */
virSecretDef *virSecretDefParseString(const char *xml, unsigned int flags);
char *virSecretDefFormat(const virSecretDef *def);
