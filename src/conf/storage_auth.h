/*
 * storage_auth.h: <auth> (credentials for network storage) and the
 * <secret> reference inside it and inside <encryption>.  Shared by domain
 * disks, storage volumes and storage pools, so nothing here knows which
 * document it is in.
 */
#pragma once

#include <stdbool.h>
#include <libxml/tree.h>

#include "internal.h"
#include "util/virbuffer.h"
#include "util/virenum.h"

/* How a <secret> names the secret object: by uuid= or by usage=. */
typedef enum {
    VIR_SECRET_LOOKUP_TYPE_NONE = 0,
    VIR_SECRET_LOOKUP_TYPE_UUID,
    VIR_SECRET_LOOKUP_TYPE_USAGE,
} virSecretLookupType;

typedef struct _virSecretLookupTypeDef virSecretLookupTypeDef;
struct _virSecretLookupTypeDef {
    virSecretLookupType type;
    unsigned char uuid[16];
    char *usage;
};

/* Reads exactly one of uuid= / usage= of a <secret> element (upstream's
 * errors when both or neither are given, or the uuid is malformed). */
int virSecretLookupParseSecret(xmlNodePtr node, virSecretLookupTypeDef *def);
/* Writes <secret type='...' uuid|usage='...'/>; type may be NULL. */
void virSecretLookupFormatSecret(virBuffer *buf, const char *type,
                                 const virSecretLookupTypeDef *def);
void virSecretLookupDefClear(virSecretLookupTypeDef *def);

typedef enum {
    VIR_STORAGE_AUTH_TYPE_NONE = 0,
    VIR_STORAGE_AUTH_TYPE_CHAP,
    VIR_STORAGE_AUTH_TYPE_CEPHX,
    VIR_STORAGE_AUTH_TYPE_LAST
} virStorageAuthType;
VIR_ENUM_DECL(virStorageAuth);

/* <auth [type='chap|ceph'] username='...'><secret .../></auth> */
typedef struct _virStorageAuthDef virStorageAuthDef;
struct _virStorageAuthDef {
    char *username;
    virStorageAuthType authType; /* pools use type=; disks leave it out */
    char *secrettype;            /* <secret type=> kept as written */
    virSecretLookupTypeDef seclookupdef;
};

/* Parses an <auth> element; NULL with an error reported. */
virStorageAuthDef *virStorageAuthDefParse(xmlNodePtr node);
/* Writes the <auth> element at buf's indentation. */
void virStorageAuthDefFormat(virBuffer *buf, const virStorageAuthDef *def);
virStorageAuthDef *virStorageAuthDefCopy(const virStorageAuthDef *def);
void virStorageAuthDefFree(virStorageAuthDef *def);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virStorageAuthDef, virStorageAuthDefFree);
