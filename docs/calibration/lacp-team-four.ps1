# Four live migrations over a 2 x 10 GbE LACP team (docs/calibration.md; issue 15).
# The default world's two 10 GbE adapters on each host become one LACP team with Dynamic load
# balancing; TCP/IP is the transport and four simultaneous migrations are allowed (default 2).
New-NetLbfoTeam -Name LM-Team -TeamMembers SMB1,SMB2 -TeamingMode Lacp -LoadBalancingAlgorithm Dynamic -CimSession HV01,HV02
Set-VMHost -ComputerName HV01,HV02 -MaximumVirtualMachineMigrations 4 -VirtualMachineMigrationPerformanceOption TCPIP
# Four running VMs whose files are on \\FS01\VMs, so only their memory moves.
foreach ($n in 'LM1', 'LM2', 'LM3', 'LM4') { New-VM -Name $n -MemoryStartupBytes 16GB -Path \\FS01\VMs -NoVHD -ComputerName HV01 | Start-VM }
foreach ($n in 'LM1', 'LM2', 'LM3', 'LM4') { Move-VM $n HV02 -AsJob | Out-Null }
# Halfway through the memory transfer: the Networking pane shows HV02's CPU now.
Start-Sleep -Seconds 10
Get-Job | Wait-Job | Out-Null
