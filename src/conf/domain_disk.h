/*
 * domain_disk.h: the <disk> device family: the guest side (target, bus,
 * driver tuning, I/O limits, identity strings) around a storage source
 * (storage_source.h) that says where the data lives.
 */
#pragma once

#include "domain_devices.h"
#include "device_info.h"
#include "domain_virtio.h"
#include "snapshot_conf.h"
#include "storage_source.h"

typedef enum {
    VIR_DOMAIN_DISK_DEVICE_DISK = 0,
    VIR_DOMAIN_DISK_DEVICE_CDROM,
    VIR_DOMAIN_DISK_DEVICE_FLOPPY,
    VIR_DOMAIN_DISK_DEVICE_LUN,
    VIR_DOMAIN_DISK_DEVICE_LAST
} virDomainDiskDevice;
VIR_ENUM_DECL(virDomainDiskDevice);

typedef enum {
    VIR_DOMAIN_DISK_BUS_NONE = 0,
    VIR_DOMAIN_DISK_BUS_IDE,
    VIR_DOMAIN_DISK_BUS_FDC,
    VIR_DOMAIN_DISK_BUS_SCSI,
    VIR_DOMAIN_DISK_BUS_VIRTIO,
    VIR_DOMAIN_DISK_BUS_XEN,
    VIR_DOMAIN_DISK_BUS_USB,
    VIR_DOMAIN_DISK_BUS_UML,
    VIR_DOMAIN_DISK_BUS_SATA,
    VIR_DOMAIN_DISK_BUS_SD,
    VIR_DOMAIN_DISK_BUS_LAST
} virDomainDiskBus;
VIR_ENUM_DECL(virDomainDiskBus);

typedef enum {
    VIR_DOMAIN_DISK_MODEL_DEFAULT = 0,
    VIR_DOMAIN_DISK_MODEL_VIRTIO,
    VIR_DOMAIN_DISK_MODEL_VIRTIO_TRANSITIONAL,
    VIR_DOMAIN_DISK_MODEL_VIRTIO_NON_TRANSITIONAL,
    VIR_DOMAIN_DISK_MODEL_LAST
} virDomainDiskModel;
VIR_ENUM_DECL(virDomainDiskModel);

typedef enum {
    VIR_DOMAIN_DISK_CACHE_DEFAULT = 0,
    VIR_DOMAIN_DISK_CACHE_DISABLE,
    VIR_DOMAIN_DISK_CACHE_WRITETHRU,
    VIR_DOMAIN_DISK_CACHE_WRITEBACK,
    VIR_DOMAIN_DISK_CACHE_DIRECTSYNC,
    VIR_DOMAIN_DISK_CACHE_UNSAFE,
    VIR_DOMAIN_DISK_CACHE_LAST
} virDomainDiskCache;
VIR_ENUM_DECL(virDomainDiskCache);

typedef enum {
    VIR_DOMAIN_DISK_ERROR_POLICY_DEFAULT = 0,
    VIR_DOMAIN_DISK_ERROR_POLICY_STOP,
    VIR_DOMAIN_DISK_ERROR_POLICY_REPORT,
    VIR_DOMAIN_DISK_ERROR_POLICY_IGNORE,
    VIR_DOMAIN_DISK_ERROR_POLICY_ENOSPACE,
    VIR_DOMAIN_DISK_ERROR_POLICY_LAST
} virDomainDiskErrorPolicy;
VIR_ENUM_DECL(virDomainDiskErrorPolicy);

typedef enum {
    VIR_DOMAIN_DISK_IO_DEFAULT = 0,
    VIR_DOMAIN_DISK_IO_NATIVE,
    VIR_DOMAIN_DISK_IO_THREADS,
    VIR_DOMAIN_DISK_IO_URING,
    VIR_DOMAIN_DISK_IO_LAST
} virDomainDiskIo;
VIR_ENUM_DECL(virDomainDiskIo);

typedef enum {
    VIR_DOMAIN_DISK_DISCARD_DEFAULT = 0,
    VIR_DOMAIN_DISK_DISCARD_UNMAP,
    VIR_DOMAIN_DISK_DISCARD_IGNORE,
    VIR_DOMAIN_DISK_DISCARD_LAST
} virDomainDiskDiscard;
VIR_ENUM_DECL(virDomainDiskDiscard);

typedef enum {
    VIR_DOMAIN_DISK_DETECT_ZEROES_DEFAULT = 0,
    VIR_DOMAIN_DISK_DETECT_ZEROES_OFF,
    VIR_DOMAIN_DISK_DETECT_ZEROES_ON,
    VIR_DOMAIN_DISK_DETECT_ZEROES_UNMAP,
    VIR_DOMAIN_DISK_DETECT_ZEROES_LAST
} virDomainDiskDetectZeroes;
VIR_ENUM_DECL(virDomainDiskDetectZeroes);

/* virDomainSnapshotLocation (snapshot=) comes from snapshot_conf.h */

typedef enum {
    VIR_DOMAIN_DEVICE_SGIO_DEFAULT = 0,
    VIR_DOMAIN_DEVICE_SGIO_FILTERED,
    VIR_DOMAIN_DEVICE_SGIO_UNFILTERED,
    VIR_DOMAIN_DEVICE_SGIO_LAST
} virDomainDeviceSGIO;
VIR_ENUM_DECL(virDomainDeviceSGIO);

typedef enum {
    VIR_DOMAIN_STARTUP_POLICY_DEFAULT = 0,
    VIR_DOMAIN_STARTUP_POLICY_MANDATORY,
    VIR_DOMAIN_STARTUP_POLICY_REQUISITE,
    VIR_DOMAIN_STARTUP_POLICY_OPTIONAL,
    VIR_DOMAIN_STARTUP_POLICY_LAST
} virDomainStartupPolicy;
VIR_ENUM_DECL(virDomainStartupPolicy);

typedef enum {
    VIR_DOMAIN_DISK_TRAY_CLOSED = 0,
    VIR_DOMAIN_DISK_TRAY_OPEN,
    VIR_DOMAIN_DISK_TRAY_LAST
} virDomainDiskTray;
VIR_ENUM_DECL(virDomainDiskTray);

typedef enum {
    VIR_DOMAIN_DISK_TRANS_DEFAULT = 0,
    VIR_DOMAIN_DISK_TRANS_NONE,
    VIR_DOMAIN_DISK_TRANS_AUTO,
    VIR_DOMAIN_DISK_TRANS_LBA,
    VIR_DOMAIN_DISK_TRANS_LAST
} virDomainDiskGeometryTrans;
VIR_ENUM_DECL(virDomainDiskGeometryTrans);

typedef enum {
    VIR_DOMAIN_DISK_MIRROR_STATE_NONE = 0,
    VIR_DOMAIN_DISK_MIRROR_STATE_READY,
    VIR_DOMAIN_DISK_MIRROR_STATE_ABORT,
    VIR_DOMAIN_DISK_MIRROR_STATE_PIVOT,
    VIR_DOMAIN_DISK_MIRROR_STATE_LAST
} virDomainDiskMirrorState;
VIR_ENUM_DECL(virDomainDiskMirrorState);

/* the public virDomainBlockJobType values that a <mirror> can carry */
typedef enum {
    VIR_DOMAIN_DISK_MIRROR_JOB_NONE = 0,
    VIR_DOMAIN_DISK_MIRROR_JOB_COPY = 2,
    VIR_DOMAIN_DISK_MIRROR_JOB_ACTIVE_COMMIT = 4,
    VIR_DOMAIN_DISK_MIRROR_JOB_LAST = 6
} virDomainDiskMirrorJob;
VIR_ENUM_DECL(virDomainDiskMirrorJob);

/* <iotune>: 0 means unset */
typedef struct {
    unsigned long long total_bytes_sec;
    unsigned long long read_bytes_sec;
    unsigned long long write_bytes_sec;
    unsigned long long total_iops_sec;
    unsigned long long read_iops_sec;
    unsigned long long write_iops_sec;
    unsigned long long total_bytes_sec_max;
    unsigned long long read_bytes_sec_max;
    unsigned long long write_bytes_sec_max;
    unsigned long long total_iops_sec_max;
    unsigned long long read_iops_sec_max;
    unsigned long long write_iops_sec_max;
    unsigned long long size_iops_sec;
    char *group_name;
    unsigned long long total_bytes_sec_max_length;
    unsigned long long read_bytes_sec_max_length;
    unsigned long long write_bytes_sec_max_length;
    unsigned long long total_iops_sec_max_length;
    unsigned long long read_iops_sec_max_length;
    unsigned long long write_iops_sec_max_length;
} virDomainBlockIoTuneInfo;

struct _virDomainDiskDef {
    virStorageSource *src; /* never NULL */

    virDomainDiskDevice device;
    virDomainDiskModel model;
    virTristateBool rawio;
    virDomainDeviceSGIO sgio;
    virDomainSnapshotLocation snapshot;
    virDomainStartupPolicy startupPolicy;

    /* <target> */
    char *dst;
    virDomainDiskBus bus;
    virDomainDiskTray tray_status;
    virTristateSwitch removable;
    unsigned int rotation_rate;

    /* <driver> (format and metadata_cache belong to src) */
    char *driverName;
    virDomainDiskCache cachemode;
    virDomainDiskErrorPolicy error_policy;
    virDomainDiskErrorPolicy rerror_policy;
    virDomainDiskIo iomode;
    virTristateSwitch ioeventfd;
    virTristateSwitch event_idx;
    virTristateSwitch copy_on_read;
    virDomainDiskDiscard discard;
    unsigned int iothread;
    virDomainDiskDetectZeroes detect_zeroes;
    unsigned int queues;
    unsigned int queue_size;
    virDomainVirtioOptions virtio;

    /* <geometry cyls heads secs trans> */
    unsigned int cylinders;
    unsigned int heads;
    unsigned int sectors;
    virDomainDiskGeometryTrans trans;

    /* <blockio> */
    unsigned int logical_block_size;
    unsigned int physical_block_size;

    virDomainBlockIoTuneInfo blkdeviotune;

    bool transient;
    virTristateBool transientShareBacking;
    char *serial;
    char *wwn;
    char *vendor;
    char *product;
    char *domain_name; /* <backenddomain name=> */

    /* <mirror> of a running block job (live XML only) */
    virStorageSource *mirror;
    virDomainDiskMirrorJob mirrorJob;
    virDomainDiskMirrorState mirrorState;

    /* <auth>/<encryption> were children of <disk> rather than <source>,
     * and are written back there */
    bool diskElementAuth;
    bool diskElementEnc;

    virDomainDeviceInfo info; /* with <boot> */
};

/* Runs after every device was parsed: orders the disks as upstream
 * inserts them, fills the bus from the target name, marks cdroms
 * read-only, assigns drive addresses and checks each disk as upstream's
 * validation does.  Called from domain_devices.c. */
int virDomainDiskDefsPostParse(virDomainDef *def, unsigned int flags);

/* The index encoded in a target name such as "sdb" (1) or "hdaa" (26),
 * or -1 for a name that is not one. */
int virDiskNameToIndex(const char *name);

/* The disk whose target is name or, for a name starting with '/', whose
 * source is name (one disk only, unless allow_ambiguous); -1 / NULL when
 * none, nothing reported. */
int virDomainDiskIndexByName(const virDomainDef *def, const char *name,
                             bool allow_ambiguous);
virDomainDiskDef *virDomainDiskByName(const virDomainDef *def,
                                      const char *name, bool allow_ambiguous);
