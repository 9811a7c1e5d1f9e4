/*
 * domain_device_parse.h: one device element on its own (the XML of
 * virDomainAttachDevice and friends), the families by kind, and the
 * helpers that add it to or remove a device from a definition.
 */
#pragma once

#include "domain_devices.h"

/* A device family, in the order of VIR_DOMAIN_DEVICE_FAMILIES. */
typedef enum {
#define VIR_DOMAIN_DEVICE_KIND_ENUM(field, plural, element, Type, Func) \
    VIR_DOMAIN_DEVICE_KIND_##field,
    VIR_DOMAIN_DEVICE_FAMILIES(VIR_DOMAIN_DEVICE_KIND_ENUM)
#undef VIR_DOMAIN_DEVICE_KIND_ENUM
    VIR_DOMAIN_DEVICE_KIND_LAST
} virDomainDeviceKind;

/* The family's element name ("disk", "interface"...). */
const char *virDomainDeviceKindToString(virDomainDeviceKind kind);

/* The devices of one family in def: how many, the i-th (the family's
 * struct, NULL past the end), and removing (and freeing) the i-th. */
size_t virDomainDefDeviceCount(const virDomainDef *def,
                               virDomainDeviceKind kind);
void *virDomainDefDeviceGet(const virDomainDef *def, virDomainDeviceKind kind,
                            size_t i);
void virDomainDefDeviceRemove(virDomainDef *def, virDomainDeviceKind kind,
                              size_t i);

typedef struct _virDomainDeviceDef virDomainDeviceDef;
struct _virDomainDeviceDef {
    virDomainDeviceKind kind;
    void *data;            /* the family's struct, owned by holder */
    virDomainDef *holder;  /* the copy of the domain it was parsed into */
    xmlDocPtr doc;         /* the device's own XML */
};

/* Parses the device element xml in the context of def (flags:
 * VIR_DOMAIN_DEF_PARSE_*); an element of no family is upstream's
 * "unknown device type". */
virDomainDeviceDef *virDomainDeviceDefParse(const char *xml,
                                            const virDomainDef *def,
                                            const virDomainXMLOption *xmlopt,
                                            unsigned int flags);
void virDomainDeviceDefFree(virDomainDeviceDef *dev);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainDeviceDef, virDomainDeviceDefFree);

/* A new definition: def (live, or its configuration when inactive) with
 * dev added to its devices, parsed again as a whole; def->id is kept. */
virDomainDef *virDomainDefAddDevice(const virDomainDef *def,
                                    const virDomainDeviceDef *dev,
                                    const virDomainXMLOption *xmlopt,
                                    bool inactive);
