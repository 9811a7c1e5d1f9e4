/*
 * domain_redirfilter.h: the <redirfilter> device family, the rules that
 * say which USB devices may be redirected.
 */
#pragma once

#include "domain_devices.h"

typedef struct {
    int usbClass; /* -1: any */
    int vendor;   /* -1: any */
    int product;  /* -1: any */
    int version;  /* BCD 0xJJMN, -1: any */
    bool allow;
} virDomainRedirFilterUSBDevDef;

struct _virDomainRedirFilterDef {
    virDomainRedirFilterUSBDevDef *usbdevs;
    size_t nusbdevs;
};
