/*
 * storage_encryption.h: <encryption format engine> of a storage source or
 * volume, with its <secret> references and the LUKS <cipher>/<ivgen>.
 * Shared by domain disks and storage volumes.
 */
#pragma once

#include "storage_auth.h"

typedef enum {
    VIR_STORAGE_ENCRYPTION_SECRET_TYPE_PASSPHRASE = 0,
    VIR_STORAGE_ENCRYPTION_SECRET_TYPE_LAST
} virStorageEncryptionSecretType;
VIR_ENUM_DECL(virStorageEncryptionSecret);

typedef enum {
    VIR_STORAGE_ENCRYPTION_FORMAT_DEFAULT = 0,
    VIR_STORAGE_ENCRYPTION_FORMAT_QCOW,
    VIR_STORAGE_ENCRYPTION_FORMAT_LUKS,
    VIR_STORAGE_ENCRYPTION_FORMAT_LUKS2,
    VIR_STORAGE_ENCRYPTION_FORMAT_LAST
} virStorageEncryptionFormatType;
VIR_ENUM_DECL(virStorageEncryptionFormat);

typedef enum {
    VIR_STORAGE_ENCRYPTION_ENGINE_DEFAULT = 0,
    VIR_STORAGE_ENCRYPTION_ENGINE_QEMU,
    VIR_STORAGE_ENCRYPTION_ENGINE_LIBRBD,
    VIR_STORAGE_ENCRYPTION_ENGINE_LAST
} virStorageEncryptionEngine;
VIR_ENUM_DECL(virStorageEncryptionEngine);

typedef struct _virStorageEncryptionSecret virStorageEncryptionSecret;
struct _virStorageEncryptionSecret {
    virStorageEncryptionSecretType type;
    virSecretLookupTypeDef seclookupdef;
};

typedef struct _virStorageEncryption virStorageEncryption;
struct _virStorageEncryption {
    virStorageEncryptionFormatType format;
    virStorageEncryptionEngine engine;
    size_t nsecrets;
    virStorageEncryptionSecret **secrets;
    /* LUKS only: <cipher name size mode hash/>, <ivgen name hash/> */
    char *cipherName;
    unsigned int cipherSize;
    char *cipherMode;
    char *cipherHash;
    char *ivgenName;
    char *ivgenHash;
};

/* Parses an <encryption> element; NULL with an error reported. */
virStorageEncryption *virStorageEncryptionParseNode(xmlNodePtr node);
/* Writes the <encryption> element at buf's indentation. */
int virStorageEncryptionFormat(virBuffer *buf,
                               const virStorageEncryption *enc);
virStorageEncryption *virStorageEncryptionCopy(const virStorageEncryption *enc);
void virStorageEncryptionFree(virStorageEncryption *enc);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virStorageEncryption, virStorageEncryptionFree);
