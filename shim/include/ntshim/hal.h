/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The HAL's bus calls: HalTranslateBusAddress() and the PCI configuration
 * space through HalGetBusData*()/HalSetBusData*().
 *
 * On x86 a bus address is the system address (the translation is the
 * identity); what the HAL adds is the answer whether the address lies in
 * a range the bus can reach: the I/O port space (16 bits; ISA decodes
 * ports below 0x10000 too), physical memory addresses the CPU can reach,
 * and for ISA memory the first 16 MiB (24 address lines).  PCI
 * configuration space is read and written with pci_read_config_*() on the
 * device found by pci_get_domain_bus_and_slot() (domain 0, as the legacy
 * HAL calls know only bus numbers).
 */
#ifndef _NTSHIM_HAL_H
#define _NTSHIM_HAL_H

#include <ntshim/types.h>

/* Bus types (Microsoft's values). */
typedef enum _INTERFACE_TYPE {
	InterfaceTypeUndefined = -1,
	Internal = 0,
	Isa = 1,
	Eisa = 2,
	MicroChannel = 3,
	TurboChannel = 4,
	PCIBus = 5,
	VMEBus = 6,
	NuBus = 7,
	PCMCIABus = 8,
	CBus = 9,
	MPIBus = 10,
	MPSABus = 11,
	ProcessorInternal = 12,
	InternalPowerBus = 13,
	PNPISABus = 14,
	PNPBus = 15,
	Vmcs = 16,
	ACPIBus = 17,
	MaximumInterfaceType
} INTERFACE_TYPE, *PINTERFACE_TYPE;

/* Bus data types (Microsoft's values). */
typedef enum _BUS_DATA_TYPE {
	ConfigurationSpaceUndefined = -1,
	Cmos = 0,
	EisaConfiguration = 1,
	Pos = 2,
	CbusConfiguration = 3,
	PCIConfiguration = 4,
	VMEConfiguration = 5,
	NuBusConfiguration = 6,
	PCMCIAConfiguration = 7,
	MPIConfiguration = 8,
	MPSAConfiguration = 9,
	PNPISAConfiguration = 10,
	SgiInternalConfiguration = 11,
	MaximumBusDataType
} BUS_DATA_TYPE, *PBUS_DATA_TYPE;

/**
 * struct _PCI_SLOT_NUMBER - a PCI device and function as the HAL takes it
 * @u:                         the two views
 * @u.bits:                    the fields
 * @u.bits.DeviceNumber:       device, 0-31
 * @u.bits.FunctionNumber:     function, 0-7
 * @u.bits.Reserved:           zero
 * @u.AsULONG:                 the whole value, as HalGetBusData*() take it
 */
typedef struct _PCI_SLOT_NUMBER {
	union {
		struct {
			ULONG DeviceNumber : 5;
			ULONG FunctionNumber : 3;
			ULONG Reserved : 24;
		} bits;
		ULONG AsULONG;
	} u;
} PCI_SLOT_NUMBER, *PPCI_SLOT_NUMBER;

#define PCI_INVALID_VENDORID 0xFFFF

/**
 * HalTranslateBusAddress() - a bus address as a system address
 * @InterfaceType:     Internal, Isa or PCIBus (others are not translated)
 * @BusNumber:         0 for Internal and Isa; an existing PCI bus number
 * @BusAddress:        the bus-relative address
 * @AddressSpace:      in: 1 for I/O ports, 0 for memory; out: the same
 *                     (x86 maps neither space into the other)
 * @TranslatedAddress: receives the system address (the bus address)
 *
 * Return: TRUE when the address lies in the space the bus can reach;
 * FALSE for an address out of range, an unknown bus, or an unsupported
 * bus type.
 */
BOOLEAN HalTranslateBusAddress(INTERFACE_TYPE InterfaceType, ULONG BusNumber,
			       PHYSICAL_ADDRESS BusAddress, PULONG AddressSpace,
			       PPHYSICAL_ADDRESS TranslatedAddress);

/**
 * HalGetBusDataByOffset() - read a device's PCI configuration space
 * @BusDataType: PCIConfiguration (anything else reads nothing)
 * @BusNumber:   the PCI bus
 * @SlotNumber:  a PCI_SLOT_NUMBER's AsULONG
 * @Buffer:      receives the bytes
 * @Offset:      where in the configuration space to start
 * @Length:      how many bytes
 *
 * PASSIVE_LEVEL (the PCI device list is guarded by a semaphore).
 *
 * Return: the number of bytes read; 0 when the bus does not exist, or
 * for another data type; 2 when no device is in the slot, with
 * PCI_INVALID_VENDORID in @Buffer (as the HAL answers).
 */
ULONG HalGetBusDataByOffset(BUS_DATA_TYPE BusDataType, ULONG BusNumber,
			    ULONG SlotNumber, PVOID Buffer, ULONG Offset,
			    ULONG Length);

/**
 * HalSetBusDataByOffset() - write a device's PCI configuration space
 * @BusDataType: PCIConfiguration
 * @BusNumber:   the PCI bus
 * @SlotNumber:  a PCI_SLOT_NUMBER's AsULONG
 * @Buffer:      the bytes
 * @Offset:      where in the configuration space to start
 * @Length:      how many bytes
 *
 * PASSIVE_LEVEL.
 *
 * Return: the number of bytes written; 0 when there is no such device.
 */
ULONG HalSetBusDataByOffset(BUS_DATA_TYPE BusDataType, ULONG BusNumber,
			    ULONG SlotNumber, PVOID Buffer, ULONG Offset,
			    ULONG Length);

/**
 * HalGetBusData() - HalGetBusDataByOffset() from offset 0
 * @BusDataType: PCIConfiguration
 * @BusNumber:   the PCI bus
 * @SlotNumber:  a PCI_SLOT_NUMBER's AsULONG
 * @Buffer:      receives the bytes
 * @Length:      how many bytes
 *
 * Return: as HalGetBusDataByOffset().
 */
static inline ULONG HalGetBusData(BUS_DATA_TYPE BusDataType, ULONG BusNumber,
				  ULONG SlotNumber, PVOID Buffer, ULONG Length)
{
	return HalGetBusDataByOffset(BusDataType, BusNumber, SlotNumber,
				     Buffer, 0, Length);
}

/**
 * HalSetBusData() - HalSetBusDataByOffset() from offset 0
 * @BusDataType: PCIConfiguration
 * @BusNumber:   the PCI bus
 * @SlotNumber:  a PCI_SLOT_NUMBER's AsULONG
 * @Buffer:      the bytes
 * @Length:      how many bytes
 *
 * Return: as HalSetBusDataByOffset().
 */
static inline ULONG HalSetBusData(BUS_DATA_TYPE BusDataType, ULONG BusNumber,
				  ULONG SlotNumber, PVOID Buffer, ULONG Length)
{
	return HalSetBusDataByOffset(BusDataType, BusNumber, SlotNumber,
				     Buffer, 0, Length);
}

#endif /* _NTSHIM_HAL_H */
