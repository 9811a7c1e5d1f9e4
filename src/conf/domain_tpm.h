/*
 * domain_tpm.h: the <tpm model> device family with its <backend>.
 */
#pragma once

#include "device_info.h"
#include "domain_chr.h"

typedef enum {
    VIR_DOMAIN_TPM_MODEL_DEFAULT = 0,
    VIR_DOMAIN_TPM_MODEL_TIS,
    VIR_DOMAIN_TPM_MODEL_CRB,
    VIR_DOMAIN_TPM_MODEL_SPAPR,
    VIR_DOMAIN_TPM_MODEL_SPAPR_PROXY,
    VIR_DOMAIN_TPM_MODEL_LAST
} virDomainTPMModel;
VIR_ENUM_DECL(virDomainTPMModel);

typedef enum {
    VIR_DOMAIN_TPM_TYPE_PASSTHROUGH = 0,
    VIR_DOMAIN_TPM_TYPE_EMULATOR,
    VIR_DOMAIN_TPM_TYPE_EXTERNAL,
    VIR_DOMAIN_TPM_TYPE_LAST
} virDomainTPMBackendType;
VIR_ENUM_DECL(virDomainTPMBackend);

typedef enum {
    VIR_DOMAIN_TPM_VERSION_DEFAULT = 0,
    VIR_DOMAIN_TPM_VERSION_1_2,
    VIR_DOMAIN_TPM_VERSION_2_0,
    VIR_DOMAIN_TPM_VERSION_LAST
} virDomainTPMVersion;
VIR_ENUM_DECL(virDomainTPMVersion);

typedef enum {
    VIR_DOMAIN_TPM_PCR_BANK_SHA1 = 0,
    VIR_DOMAIN_TPM_PCR_BANK_SHA256,
    VIR_DOMAIN_TPM_PCR_BANK_SHA384,
    VIR_DOMAIN_TPM_PCR_BANK_SHA512,
    VIR_DOMAIN_TPM_PCR_BANK_LAST
} virDomainTPMPcrBank;
VIR_ENUM_DECL(virDomainTPMPcrBank);

struct _virDomainTPMDef {
    virDomainTPMModel model;
    virDomainTPMBackendType type;
    /* passthrough: the host device (a dev source); external: the socket */
    virDomainChrSourceDef *source;
    /* emulator */
    virDomainTPMVersion version;
    bool persistentState;
    bool hasSecretUUID;
    unsigned char secretUUID[VIR_UUID_BUFLEN];
    bool hasPcrBanks; /* <active_pcr_banks> present, maybe empty */
    unsigned int pcrBanks; /* bit per virDomainTPMPcrBank */
    virDomainDeviceInfo info;
};
