/*
 * domain_security.h: <seclabel> (the security driver labels of the
 * guest), <keywrap> (s390 key wrapping ciphers) and <launchSecurity>
 * (AMD SEV and s390 protected virtualization).
 */
#pragma once

#include "domain_sections.h"

typedef enum {
    VIR_DOMAIN_SECLABEL_DEFAULT = 0,
    VIR_DOMAIN_SECLABEL_NONE,
    VIR_DOMAIN_SECLABEL_DYNAMIC,
    VIR_DOMAIN_SECLABEL_STATIC,
    VIR_DOMAIN_SECLABEL_LAST
} virDomainSeclabelType;
VIR_ENUM_DECL(virDomainSeclabel);

typedef enum {
    VIR_DOMAIN_KEY_WRAP_CIPHER_NAME_AES = 0,
    VIR_DOMAIN_KEY_WRAP_CIPHER_NAME_DEA,
    VIR_DOMAIN_KEY_WRAP_CIPHER_NAME_LAST
} virDomainKeyWrapCipherName;
VIR_ENUM_DECL(virDomainKeyWrapCipherName);

typedef enum {
    VIR_DOMAIN_LAUNCH_SECURITY_NONE = 0,
    VIR_DOMAIN_LAUNCH_SECURITY_SEV,
    VIR_DOMAIN_LAUNCH_SECURITY_PV,
    VIR_DOMAIN_LAUNCH_SECURITY_LAST
} virDomainLaunchSecurity;
VIR_ENUM_DECL(virDomainLaunchSecurity);

typedef struct _virSecurityLabelDef virSecurityLabelDef;
struct _virSecurityLabelDef {
    char *model;
    virDomainSeclabelType type;
    bool relabel;
    char *label;
    char *imagelabel;
    char *baselabel;
    bool implicit; /* added by a driver, not by the user */
};

typedef struct _virDomainSEVDef virDomainSEVDef;
struct _virDomainSEVDef {
    virTristateBool kernelHashes;
    unsigned int policy;
    bool haveCbitpos;
    unsigned int cbitpos;
    bool haveReducedPhysBits;
    unsigned int reducedPhysBits;
    char *dhCert;
    char *session;
};

struct _virDomainSecurityDef {
    virSecurityLabelDef **seclabels;
    size_t nseclabels;
    /* keywrap ciphers: absent when neither is set */
    virTristateSwitch keywrapAes;
    virTristateSwitch keywrapDea;
    /* launch security: NONE when absent */
    virDomainLaunchSecurity launchType;
    virDomainSEVDef sev;
};
