/*
 * domain_smartcard.h: the <smartcard mode> device family.
 */
#pragma once

#include "device_info.h"
#include "domain_chr.h"

typedef enum {
    VIR_DOMAIN_SMARTCARD_TYPE_HOST = 0,
    VIR_DOMAIN_SMARTCARD_TYPE_HOST_CERTIFICATES,
    VIR_DOMAIN_SMARTCARD_TYPE_PASSTHROUGH,
    VIR_DOMAIN_SMARTCARD_TYPE_LAST
} virDomainSmartcardType;
VIR_ENUM_DECL(virDomainSmartcard);

#define VIR_DOMAIN_SMARTCARD_NUM_CERTIFICATES 3

/* Gives smartcards without an address the next free slot of CCID
 * controller 0, as upstream does when it adds implicit devices. */
void virDomainSmartcardDefsAssignAddresses(virDomainDef *def);

struct _virDomainSmartcardDef {
    virDomainSmartcardType type;
    /* host-certificates */
    char *file[VIR_DOMAIN_SMARTCARD_NUM_CERTIFICATES];
    char *database;
    /* passthrough */
    virDomainChrSourceDef *passthru;
    virDomainDeviceInfo info;
};
