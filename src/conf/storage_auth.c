/*
 * storage_auth.c: <auth> credentials and <secret> references of network
 * storage, read and written as upstream libvirt 9.0 does.
 */
#include "storage_auth.h"

#include "util/viruuid.h"
#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_STORAGE

VIR_ENUM_IMPL(virStorageAuth,
              VIR_STORAGE_AUTH_TYPE_LAST,
              "none", "chap", "ceph");


int
virSecretLookupParseSecret(xmlNodePtr node, virSecretLookupTypeDef *def)
{
    g_autofree char *uuid = virXMLPropString(node, "uuid");
    g_autofree char *usage = virXMLPropString(node, "usage");

    if (!uuid && !usage) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing secret uuid or usage attribute");
        return -1;
    }
    if (uuid && usage) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "either secret uuid or usage expected");
        return -1;
    }
    if (uuid) {
        if (virUUIDParse(uuid, def->uuid) < 0) {
            virReportError(VIR_ERR_XML_ERROR,
                           "invalid secret uuid '%s'", uuid);
            return -1;
        }
        def->type = VIR_SECRET_LOOKUP_TYPE_UUID;
    } else {
        def->usage = g_steal_pointer(&usage);
        def->type = VIR_SECRET_LOOKUP_TYPE_USAGE;
    }
    return 0;
}


void
virSecretLookupFormatSecret(virBuffer *buf, const char *type,
                            const virSecretLookupTypeDef *def)
{
    char uuidstr[VIR_UUID_STRING_BUFLEN];

    virBufferAddLit(buf, "<secret");
    virBufferEscapeString(buf, " type='%s'", type);
    if (def->type == VIR_SECRET_LOOKUP_TYPE_UUID)
        virBufferAsprintf(buf, " uuid='%s'", virUUIDFormat(def->uuid, uuidstr));
    else if (def->type == VIR_SECRET_LOOKUP_TYPE_USAGE)
        virBufferEscapeString(buf, " usage='%s'", def->usage);
    virBufferAddLit(buf, "/>\n");
}


void
virSecretLookupDefClear(virSecretLookupTypeDef *def)
{
    g_clear_pointer(&def->usage, g_free);
    memset(def, 0, sizeof(*def));
}


virStorageAuthDef *
virStorageAuthDefParse(xmlNodePtr node)
{
    g_autoptr(virStorageAuthDef) auth = g_new0(virStorageAuthDef, 1);
    g_autofree char *type = NULL;
    xmlNodePtr secret;
    int val;

    if (!(auth->username = virXMLPropString(node, "username"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "missing username for auth");
        return NULL;
    }

    if ((type = virXMLPropString(node, "type"))) {
        /* pools say chap/ceph here; "none" is accepted as upstream does */
        if ((val = virStorageAuthTypeFromString(type)) < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "unknown auth type '%s'", type);
            return NULL;
        }
        auth->authType = val;
    }

    if (!(secret = virXMLChild(node, "secret"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Missing <secret> element in auth");
        return NULL;
    }
    auth->secrettype = virXMLPropString(secret, "type");
    if (virSecretLookupParseSecret(secret, &auth->seclookupdef) < 0)
        return NULL;

    return g_steal_pointer(&auth);
}


void
virStorageAuthDefFormat(virBuffer *buf, const virStorageAuthDef *def)
{
    virBufferAddLit(buf, "<auth");
    if (def->authType != VIR_STORAGE_AUTH_TYPE_NONE)
        virBufferAsprintf(buf, " type='%s'",
                          virStorageAuthTypeToString(def->authType));
    virBufferEscapeString(buf, " username='%s'", def->username);
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);
    virSecretLookupFormatSecret(buf, def->secrettype, &def->seclookupdef);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</auth>\n");
}


virStorageAuthDef *
virStorageAuthDefCopy(const virStorageAuthDef *def)
{
    virStorageAuthDef *copy = g_new0(virStorageAuthDef, 1);

    copy->username = g_strdup(def->username);
    copy->authType = def->authType;
    copy->secrettype = g_strdup(def->secrettype);
    copy->seclookupdef = def->seclookupdef;
    copy->seclookupdef.usage = g_strdup(def->seclookupdef.usage);
    return copy;
}


void
virStorageAuthDefFree(virStorageAuthDef *def)
{
    if (!def)
        return;
    g_free(def->username);
    g_free(def->secrettype);
    virSecretLookupDefClear(&def->seclookupdef);
    g_free(def);
}
