/*
 * domain_virtio.h: the virtio options (iommu, ats, packed, page_per_vq)
 * that several device families accept on their <driver> element.
 */
#pragma once

#include <libxml/tree.h>

#include "util/virbuffer.h"
#include "util/virenum.h"

typedef struct _virDomainVirtioOptions virDomainVirtioOptions;
struct _virDomainVirtioOptions {
    virTristateSwitch iommu;
    virTristateSwitch ats;
    virTristateSwitch packed;
    virTristateSwitch page_per_vq;
};

/* Reads the options from driver (NULL: nothing to read). */
int virDomainVirtioOptionsParseXML(xmlNodePtr driver,
                                   virDomainVirtioOptions *virtio);
/* Appends the set options as attributes to attrBuf. */
void virDomainVirtioOptionsFormat(virBuffer *attrBuf,
                                  const virDomainVirtioOptions *virtio);

/* Fails (VIR_ERR_CONFIG_UNSUPPORTED) when any option is set: for devices
 * that are not virtio. */
int virDomainVirtioOptionsCheckAbsent(const virDomainVirtioOptions *virtio);
