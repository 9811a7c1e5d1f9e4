/*
 * domain_tpm.c: the <tpm> device family: the model and one <backend>:
 * a host device passed through, an emulator (version, persistent state,
 * state <encryption>, <active_pcr_banks>) or an external emulator reached
 * over a unix socket; plus the device's address.
 */
#include "domain_tpm.h"
#include "util/viruuid.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

#define VIR_DOMAIN_TPM_DEFAULT_DEVICE "/dev/tpm0"

VIR_ENUM_IMPL(virDomainTPMModel, VIR_DOMAIN_TPM_MODEL_LAST,
              "default", "tpm-tis", "tpm-crb", "tpm-spapr",
              "spapr-tpm-proxy");

VIR_ENUM_IMPL(virDomainTPMBackend, VIR_DOMAIN_TPM_TYPE_LAST,
              "passthrough", "emulator", "external");

VIR_ENUM_IMPL(virDomainTPMVersion, VIR_DOMAIN_TPM_VERSION_LAST,
              "default", "1.2", "2.0");

VIR_ENUM_IMPL(virDomainTPMPcrBank, VIR_DOMAIN_TPM_PCR_BANK_LAST,
              "sha1", "sha256", "sha384", "sha512");

static int
virDomainTPMEmulatorParseXML(virDomainTPMDef *dev, xmlNodePtr backend)
{
    g_autofree char *persistent = NULL;
    xmlNodePtr encryption;
    xmlNodePtr banks;
    xmlNodePtr cur;
    int version;

    if (virXMLPropEnum(backend, "version", virDomainTPMVersionTypeFromString,
                       VIR_XML_PROP_NONZERO, &version) < 0)
        return -1;
    dev->version = version;

    if ((encryption = virXMLChild(backend, "encryption"))) {
        g_autofree char *secret = virXMLPropString(encryption, "secret");

        if (secret) {
            if (virUUIDParse(secret, dev->secretUUID) < 0) {
                virReportError(VIR_ERR_INTERNAL_ERROR,
                               "Unable to parse secret uuid '%s'", secret);
                return -1;
            }
            dev->hasSecretUUID = true;
        }
    }

    if ((persistent = virXMLPropString(backend, "persistent_state"))) {
        if (strcmp(persistent, "yes") == 0) {
            dev->persistentState = true;
        } else if (strcmp(persistent, "no") != 0) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                           "Invalid persistent_state value, either 'yes' or 'no'");
            return -1;
        }
    }

    if (!(banks = virXMLChild(backend, "active_pcr_banks")))
        return 0;
    for (cur = virXMLFirstElement(banks); cur; cur = virXMLNextElement(cur)) {
        int bank = virDomainTPMPcrBankTypeFromString((const char *)cur->name);

        if (bank < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "Unsupported PCR banks '%s'", cur->name);
            return -1;
        }
        virXMLNodeMarkConsumed(cur);
        dev->hasPcrBanks = true;
        dev->pcrBanks |= 1U << bank;
    }
    return 0;
}

static int
virDomainTPMExternalParseXML(virDomainTPMDef *dev, xmlNodePtr backend,
                             unsigned int flags)
{
    xmlNodePtr source = virXMLChild(backend, "source");
    g_autofree char *type = source ? virXMLPropString(source, "type") : NULL;
    int val;

    if (!type) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing external TPM backend type");
        return -1;
    }
    dev->source = virDomainChrSourceDefNew();
    if ((val = virDomainChrTypeFromString(type)) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "unknown backend type '%s' for external TPM", type);
        return -1;
    }
    dev->source->type = val;
    return virDomainChrSourceDefParseXML(dev->source, backend, flags);
}

/* Upstream's validation of the backend. */
static int
virDomainTPMValidate(const virDomainTPMDef *dev)
{
    if (dev->type == VIR_DOMAIN_TPM_TYPE_EMULATOR && dev->hasPcrBanks &&
        dev->version != VIR_DOMAIN_TPM_VERSION_2_0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "<active_pcr_banks/> requires TPM version '%s'",
                       virDomainTPMVersionTypeToString(VIR_DOMAIN_TPM_VERSION_2_0));
        return -1;
    }
    if (dev->type != VIR_DOMAIN_TPM_TYPE_EXTERNAL)
        return 0;
    if (dev->source->type != VIR_DOMAIN_CHR_TYPE_UNIX) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "only source type 'unix' is supported for external TPM device");
        return -1;
    }
    if (dev->source->listen) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "only 'client' mode is supported for external TPM device");
        return -1;
    }
    if (!dev->source->path) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing socket path for external TPM device");
        return -1;
    }
    return 0;
}

virDomainTPMDef *
virDomainTPMDefParseXML(xmlNodePtr node, virDomainDef *def G_GNUC_UNUSED,
                        unsigned int flags)
{
    virDomainTPMDef *dev = g_new0(virDomainTPMDef, 1);
    g_autofree xmlNodePtr *backends = NULL;
    size_t nbackends;
    xmlNodePtr device;
    int val;

    if (virXMLPropEnum(node, "model", virDomainTPMModelTypeFromString,
                       VIR_XML_PROP_NONZERO, &val) < 0)
        goto error;
    dev->model = val;

    nbackends = virXMLChildren(node, "backend", &backends);
    if (nbackends > 1) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "only one TPM backend is supported");
        goto error;
    }
    if (nbackends == 0) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing TPM device backend");
        goto error;
    }
    if (virXMLPropEnum(backends[0], "type", virDomainTPMBackendTypeFromString,
                       VIR_XML_PROP_REQUIRED, &val) < 0)
        goto error;
    dev->type = val;

    switch (dev->type) {
    case VIR_DOMAIN_TPM_TYPE_PASSTHROUGH:
        dev->source = virDomainChrSourceDefNew();
        dev->source->type = VIR_DOMAIN_CHR_TYPE_DEV;
        if ((device = virXMLChild(backends[0], "device")))
            dev->source->path = virXMLPropString(device, "path");
        if (!dev->source->path)
            dev->source->path = g_strdup(VIR_DOMAIN_TPM_DEFAULT_DEVICE);
        break;
    case VIR_DOMAIN_TPM_TYPE_EMULATOR:
        if (virDomainTPMEmulatorParseXML(dev, backends[0]) < 0)
            goto error;
        break;
    case VIR_DOMAIN_TPM_TYPE_EXTERNAL:
        if (virDomainTPMExternalParseXML(dev, backends[0], flags) < 0)
            goto error;
        break;
    case VIR_DOMAIN_TPM_TYPE_LAST:
        break;
    }

    if (virDomainDeviceInfoParseXML(node, &dev->info, flags) < 0 ||
        virDomainTPMValidate(dev) < 0)
        goto error;
    return dev;

 error:
    virDomainTPMDefFree(dev);
    return NULL;
}

static void
virDomainTPMBackendFormat(virBuffer *attrBuf, virBuffer *childBuf,
                          const virDomainTPMDef *dev)
{
    char uuidstr[VIR_UUID_STRING_BUFLEN];
    size_t i;

    virBufferAsprintf(attrBuf, " type='%s'",
                      virDomainTPMBackendTypeToString(dev->type));
    switch (dev->type) {
    case VIR_DOMAIN_TPM_TYPE_PASSTHROUGH:
        virBufferEscapeString(childBuf, "<device path='%s'/>\n",
                              dev->source->path);
        break;
    case VIR_DOMAIN_TPM_TYPE_EMULATOR:
        if (dev->version != VIR_DOMAIN_TPM_VERSION_DEFAULT)
            virBufferAsprintf(attrBuf, " version='%s'",
                              virDomainTPMVersionTypeToString(dev->version));
        if (dev->persistentState)
            virBufferAddLit(attrBuf, " persistent_state='yes'");
        if (dev->hasSecretUUID)
            virBufferAsprintf(childBuf, "<encryption secret='%s'/>\n",
                              virUUIDFormat(dev->secretUUID, uuidstr));
        if (dev->hasPcrBanks) {
            g_auto(virBuffer) banksBuf = VIR_BUFFER_INIT_CHILD(childBuf);

            for (i = 0; i < VIR_DOMAIN_TPM_PCR_BANK_LAST; i++) {
                if (dev->pcrBanks & (1U << i))
                    virBufferAsprintf(&banksBuf, "<%s/>\n",
                                      virDomainTPMPcrBankTypeToString(i));
            }
            virXMLFormatElement(childBuf, "active_pcr_banks", NULL,
                                &banksBuf);
        }
        break;
    case VIR_DOMAIN_TPM_TYPE_EXTERNAL:
        if (dev->source->type == VIR_DOMAIN_CHR_TYPE_UNIX) {
            virBufferAddLit(childBuf, "<source type='unix' mode='connect'");
            virBufferEscapeString(childBuf, " path='%s'/>\n",
                                  dev->source->path);
        }
        break;
    case VIR_DOMAIN_TPM_TYPE_LAST:
        break;
    }
}

int
virDomainTPMDefFormat(virBuffer *buf, const virDomainTPMDef *dev,
                      const virDomainDef *def G_GNUC_UNUSED,
                      unsigned int flags)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    g_auto(virBuffer) backendAttrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) backendChildBuf = VIR_BUFFER_INIT_CHILD(&childBuf);

    if (dev->model != VIR_DOMAIN_TPM_MODEL_DEFAULT)
        virBufferAsprintf(&attrBuf, " model='%s'",
                          virDomainTPMModelTypeToString(dev->model));
    virDomainTPMBackendFormat(&backendAttrBuf, &backendChildBuf, dev);
    virXMLFormatElement(&childBuf, "backend", &backendAttrBuf,
                        &backendChildBuf);
    virDomainDeviceInfoFormat(&childBuf, &dev->info, flags);
    virXMLFormatElement(buf, "tpm", &attrBuf, &childBuf);
    return 0;
}

void
virDomainTPMDefFree(virDomainTPMDef *dev)
{
    if (!dev)
        return;
    virDomainChrSourceDefFree(dev->source);
    virDomainDeviceInfoClear(&dev->info);
    g_free(dev);
}
