/*
 * storage_encryption.c: <encryption> of storage sources and volumes, read
 * and written as upstream libvirt 9.0 does.
 */
#include "storage_encryption.h"

#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_STORAGE

VIR_ENUM_IMPL(virStorageEncryptionSecret,
              VIR_STORAGE_ENCRYPTION_SECRET_TYPE_LAST,
              "passphrase");

VIR_ENUM_IMPL(virStorageEncryptionFormat,
              VIR_STORAGE_ENCRYPTION_FORMAT_LAST,
              "default", "qcow", "luks", "luks2");

VIR_ENUM_IMPL(virStorageEncryptionEngine,
              VIR_STORAGE_ENCRYPTION_ENGINE_LAST,
              "default", "qemu", "librbd");


static void
virStorageEncryptionSecretFree(virStorageEncryptionSecret *secret)
{
    if (!secret)
        return;
    virSecretLookupDefClear(&secret->seclookupdef);
    g_free(secret);
}


void
virStorageEncryptionFree(virStorageEncryption *enc)
{
    size_t i;

    if (!enc)
        return;
    for (i = 0; i < enc->nsecrets; i++)
        virStorageEncryptionSecretFree(enc->secrets[i]);
    g_free(enc->secrets);
    g_free(enc->cipherName);
    g_free(enc->cipherMode);
    g_free(enc->cipherHash);
    g_free(enc->ivgenName);
    g_free(enc->ivgenHash);
    g_free(enc);
}


static virStorageEncryptionSecret *
virStorageEncryptionSecretParse(xmlNodePtr node)
{
    virStorageEncryptionSecret *secret;
    g_autofree char *type = virXMLPropString(node, "type");
    int val;

    if (!type) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "unknown volume encryption secret type");
        return NULL;
    }
    if ((val = virStorageEncryptionSecretTypeFromString(type)) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "unknown volume encryption secret type %s", type);
        return NULL;
    }

    secret = g_new0(virStorageEncryptionSecret, 1);
    secret->type = val;
    if (virSecretLookupParseSecret(node, &secret->seclookupdef) < 0) {
        virStorageEncryptionSecretFree(secret);
        return NULL;
    }
    return secret;
}


/* LUKS details: <cipher> needs name and size, <ivgen> needs name and
 * only makes sense next to a cipher. */
static int
virStorageEncryptionParseLUKS(xmlNodePtr node, virStorageEncryption *enc)
{
    xmlNodePtr cur;

    if ((cur = virXMLChild(node, "cipher"))) {
        if (!(enc->cipherName = virXMLPropString(cur, "name"))) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "cipher info missing 'name' attribute");
            return -1;
        }
        if (virXMLPropUInt(cur, "size", 10, VIR_XML_PROP_REQUIRED,
                           &enc->cipherSize) < 0)
            return -1;
        enc->cipherMode = virXMLPropString(cur, "mode");
        enc->cipherHash = virXMLPropString(cur, "hash");
    }

    if ((cur = virXMLChild(node, "ivgen"))) {
        if (!enc->cipherName) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "ivgen element found, but cipher is missing");
            return -1;
        }
        if (!(enc->ivgenName = virXMLPropString(cur, "name"))) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "missing ivgen info name string");
            return -1;
        }
        enc->ivgenHash = virXMLPropString(cur, "hash");
    }
    return 0;
}


virStorageEncryption *
virStorageEncryptionParseNode(xmlNodePtr node)
{
    g_autoptr(virStorageEncryption) enc = g_new0(virStorageEncryption, 1);
    g_autofree char *format = virXMLPropString(node, "format");
    g_autofree xmlNodePtr *secrets = NULL;
    size_t nsecrets;
    size_t i;
    int val;

    if (!format) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "unknown volume encryption format");
        return NULL;
    }
    if ((val = virStorageEncryptionFormatTypeFromString(format)) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "unknown volume encryption format type %s", format);
        return NULL;
    }
    enc->format = val;

    if (virXMLPropEnum(node, "engine", virStorageEncryptionEngineTypeFromString,
                       VIR_XML_PROP_NONZERO, &val) < 0)
        return NULL;
    enc->engine = val;

    nsecrets = virXMLChildren(node, "secret", &secrets);
    if (nsecrets > 0) {
        enc->secrets = g_new0(virStorageEncryptionSecret *, nsecrets);
        for (i = 0; i < nsecrets; i++) {
            if (!(enc->secrets[i] = virStorageEncryptionSecretParse(secrets[i])))
                return NULL;
            enc->nsecrets++;
        }
    }

    if (enc->format == VIR_STORAGE_ENCRYPTION_FORMAT_LUKS &&
        virStorageEncryptionParseLUKS(node, enc) < 0)
        return NULL;

    return g_steal_pointer(&enc);
}


int
virStorageEncryptionFormat(virBuffer *buf, const virStorageEncryption *enc)
{
    size_t i;

    virBufferAsprintf(buf, "<encryption format='%s'",
                      virStorageEncryptionFormatTypeToString(enc->format));
    if (enc->engine != VIR_STORAGE_ENCRYPTION_ENGINE_DEFAULT)
        virBufferAsprintf(buf, " engine='%s'",
                          virStorageEncryptionEngineTypeToString(enc->engine));
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);

    for (i = 0; i < enc->nsecrets; i++)
        virSecretLookupFormatSecret(buf,
                                    virStorageEncryptionSecretTypeToString(enc->secrets[i]->type),
                                    &enc->secrets[i]->seclookupdef);

    if (enc->format == VIR_STORAGE_ENCRYPTION_FORMAT_LUKS && enc->cipherName) {
        virBufferEscapeString(buf, "<cipher name='%s'", enc->cipherName);
        virBufferAsprintf(buf, " size='%u'", enc->cipherSize);
        virBufferEscapeString(buf, " mode='%s'", enc->cipherMode);
        virBufferEscapeString(buf, " hash='%s'", enc->cipherHash);
        virBufferAddLit(buf, "/>\n");
        if (enc->ivgenName) {
            virBufferEscapeString(buf, "<ivgen name='%s'", enc->ivgenName);
            virBufferEscapeString(buf, " hash='%s'", enc->ivgenHash);
            virBufferAddLit(buf, "/>\n");
        }
    }

    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</encryption>\n");
    return 0;
}


virStorageEncryption *
virStorageEncryptionCopy(const virStorageEncryption *enc)
{
    virStorageEncryption *copy = g_new0(virStorageEncryption, 1);
    size_t i;

    copy->format = enc->format;
    copy->engine = enc->engine;
    copy->secrets = g_new0(virStorageEncryptionSecret *, enc->nsecrets);
    for (i = 0; i < enc->nsecrets; i++) {
        virStorageEncryptionSecret *s = g_new0(virStorageEncryptionSecret, 1);

        s->type = enc->secrets[i]->type;
        s->seclookupdef = enc->secrets[i]->seclookupdef;
        s->seclookupdef.usage = g_strdup(enc->secrets[i]->seclookupdef.usage);
        copy->secrets[copy->nsecrets++] = s;
    }
    copy->cipherName = g_strdup(enc->cipherName);
    copy->cipherSize = enc->cipherSize;
    copy->cipherMode = g_strdup(enc->cipherMode);
    copy->cipherHash = g_strdup(enc->cipherHash);
    copy->ivgenName = g_strdup(enc->ivgenName);
    copy->ivgenHash = g_strdup(enc->ivgenHash);
    return copy;
}
