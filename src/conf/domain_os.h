/*
 * domain_os.h: how a domain boots.  <bootloader> with <bootloader_args>
 * (host bootloader), <os> in its three boot modes (firmware with
 * <loader>/<nvram> and boot devices, direct kernel boot, and the container
 * form with <init>), and the container <idmap>.
 */
#pragma once

#include "domain_sections.h"

typedef enum {
    VIR_DOMAIN_OSTYPE_HVM = 0,
    VIR_DOMAIN_OSTYPE_XEN,
    VIR_DOMAIN_OSTYPE_LINUX,
    VIR_DOMAIN_OSTYPE_EXE,
    VIR_DOMAIN_OSTYPE_UML,
    VIR_DOMAIN_OSTYPE_XENPVH,
    VIR_DOMAIN_OSTYPE_LAST
} virDomainOSType;
VIR_ENUM_DECL(virDomainOS);

/* Guest architectures, in upstream's virArch order. */
typedef enum {
    VIR_ARCH_NONE = 0,
    VIR_ARCH_ALPHA,
    VIR_ARCH_ARMV6L,
    VIR_ARCH_ARMV7L,
    VIR_ARCH_ARMV7B,
    VIR_ARCH_AARCH64,
    VIR_ARCH_CRIS,
    VIR_ARCH_I686,
    VIR_ARCH_ITANIUM,
    VIR_ARCH_LM32,
    VIR_ARCH_M68K,
    VIR_ARCH_MICROBLAZE,
    VIR_ARCH_MICROBLAZEEL,
    VIR_ARCH_MIPS,
    VIR_ARCH_MIPSEL,
    VIR_ARCH_MIPS64,
    VIR_ARCH_MIPS64EL,
    VIR_ARCH_OR32,
    VIR_ARCH_PARISC,
    VIR_ARCH_PARISC64,
    VIR_ARCH_PPC,
    VIR_ARCH_PPCLE,
    VIR_ARCH_PPC64,
    VIR_ARCH_PPC64LE,
    VIR_ARCH_PPCEMB,
    VIR_ARCH_RISCV32,
    VIR_ARCH_RISCV64,
    VIR_ARCH_S390,
    VIR_ARCH_S390X,
    VIR_ARCH_SH4,
    VIR_ARCH_SH4EB,
    VIR_ARCH_SPARC,
    VIR_ARCH_SPARC64,
    VIR_ARCH_UNICORE32,
    VIR_ARCH_X86_64,
    VIR_ARCH_XTENSA,
    VIR_ARCH_XTENSAEB,
    VIR_ARCH_LAST
} virArch;
VIR_ENUM_DECL(virArch);

typedef enum {
    VIR_DOMAIN_BOOT_FLOPPY = 0,
    VIR_DOMAIN_BOOT_CDROM,
    VIR_DOMAIN_BOOT_DISK,
    VIR_DOMAIN_BOOT_NET,
    VIR_DOMAIN_BOOT_LAST
} virDomainBootDev;
VIR_ENUM_DECL(virDomainBoot);

typedef enum {
    VIR_DOMAIN_LOADER_TYPE_NONE = 0,
    VIR_DOMAIN_LOADER_TYPE_ROM,
    VIR_DOMAIN_LOADER_TYPE_PFLASH,
    VIR_DOMAIN_LOADER_TYPE_LAST
} virDomainLoaderType;
VIR_ENUM_DECL(virDomainLoader);

typedef enum {
    VIR_DOMAIN_OS_DEF_FIRMWARE_NONE = 0,
    VIR_DOMAIN_OS_DEF_FIRMWARE_BIOS,
    VIR_DOMAIN_OS_DEF_FIRMWARE_EFI,
    VIR_DOMAIN_OS_DEF_FIRMWARE_LAST
} virDomainOsDefFirmware;
VIR_ENUM_DECL(virDomainOsDefFirmware);

typedef enum {
    VIR_DOMAIN_OS_DEF_FIRMWARE_FEATURE_ENROLLED_KEYS = 0,
    VIR_DOMAIN_OS_DEF_FIRMWARE_FEATURE_SECURE_BOOT,
    VIR_DOMAIN_OS_DEF_FIRMWARE_FEATURE_LAST
} virDomainOsDefFirmwareFeature;
VIR_ENUM_DECL(virDomainOsDefFirmwareFeature);

typedef enum {
    VIR_DOMAIN_SMBIOS_NONE = 0,
    VIR_DOMAIN_SMBIOS_EMULATE,
    VIR_DOMAIN_SMBIOS_HOST,
    VIR_DOMAIN_SMBIOS_SYSINFO,
    VIR_DOMAIN_SMBIOS_LAST
} virDomainSmbiosMode;
VIR_ENUM_DECL(virDomainSmbiosMode);

/* <nvram type=...> with a <source>: the storage kinds upstream allows. */
typedef enum {
    VIR_DOMAIN_NVRAM_SOURCE_NONE = 0,
    VIR_DOMAIN_NVRAM_SOURCE_FILE,
    VIR_DOMAIN_NVRAM_SOURCE_BLOCK,
    VIR_DOMAIN_NVRAM_SOURCE_NETWORK,
    VIR_DOMAIN_NVRAM_SOURCE_LAST
} virDomainNvramSourceType;

typedef struct _virDomainLoaderDef virDomainLoaderDef;
struct _virDomainLoaderDef {
    char *path;
    virTristateBool readonly;
    virDomainLoaderType type;
    virTristateBool secure;
    virTristateBool stateless;
    char *nvramTemplate;
    /* The NVRAM store: old style is a path as the element's content,
     * new style (nvramType != NONE) a <source> child. */
    char *nvramPath;
    virDomainNvramSourceType nvramType;
    char *nvramProtocol; /* network only */
    char *nvramName;     /* network only */
    char *nvramHost;     /* network only: <host name=> */
    char *nvramPort;     /* network only: <host port=> */
};

typedef struct _virDomainOSEnv virDomainOSEnv;
struct _virDomainOSEnv {
    char *name;
    char *value;
};

typedef struct _virDomainIdMapEntry virDomainIdMapEntry;
struct _virDomainIdMapEntry {
    unsigned int start;
    unsigned int target;
    unsigned int count;
};

struct _virDomainOSDef {
    virDomainOSType type;
    virArch arch;
    char *machine;
    virDomainOsDefFirmware firmware;
    /* NULL, or VIR_DOMAIN_OS_DEF_FIRMWARE_FEATURE_LAST tri-states */
    virTristateBool *firmwareFeatures;

    char *bootloader;
    char *bootloaderArgs;

    /* boot devices, in the order given */
    size_t nBootDevs;
    virDomainBootDev bootDevs[VIR_DOMAIN_BOOT_LAST];
    virTristateBool bootmenu;
    unsigned int bmTimeout;
    bool bmTimeoutSet;
    virTristateBool biosUseserial;
    int biosRebootTimeout;
    bool biosRebootTimeoutSet;
    virDomainSmbiosMode smbiosMode;

    virDomainLoaderDef *loader;
    char *kernel;
    char *initrd;
    char *cmdline;
    char *dtb;
    char *root;
    char *slicTable;

    /* container form */
    char *init;
    char **initargv;           /* NULL terminated, or NULL */
    virDomainOSEnv **initenv;  /* NULL terminated, or NULL */
    char *initdir;
    char *inituser;
    char *initgroup;

    virDomainIdMapEntry *uidmap;
    size_t nuidmap;
    virDomainIdMapEntry *gidmap;
    size_t ngidmap;

    /* boot orders given to devices (<boot order=> in disk, interface,
     * hostdev, redirdev), seen while parsing */
    size_t nDeviceBootOrders;
};
