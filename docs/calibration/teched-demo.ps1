# The TechEd 2013 comparison (docs/calibration.md; issue 15): the same VM moved with each live
# migration performance option in turn. Run with --world docs/calibration/teched-demo.world.json:
# two hosts with one 40 GbE RDMA adapter each (the demo's hardware is not published), DEMO01 with
# 32 GB of memory that compresses 5:1, its files on \\FS01\VMs so only memory moves.
Set-VMHost -ComputerName HV01,HV02 -VirtualMachineMigrationPerformanceOption TCPIP
Move-VM DEMO01 HV02
Set-VMHost -ComputerName HV01,HV02 -VirtualMachineMigrationPerformanceOption Compression
Move-VM DEMO01 HV01 -ComputerName HV02
Set-VMHost -ComputerName HV01,HV02 -VirtualMachineMigrationPerformanceOption SMB
Move-VM DEMO01 HV02
