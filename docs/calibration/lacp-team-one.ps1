# One live migration over a 2 x 10 GbE LACP team (docs/calibration.md; issue 15): the same hosts
# as lacp-team-four.ps1. One TCP stream is on one member at a time, so it never gets more than 10 Gb/s.
New-NetLbfoTeam -Name LM-Team -TeamMembers SMB1,SMB2 -TeamingMode Lacp -LoadBalancingAlgorithm Dynamic -CimSession HV01,HV02
Set-VMHost -ComputerName HV01,HV02 -VirtualMachineMigrationPerformanceOption TCPIP
New-VM -Name LM1 -MemoryStartupBytes 16GB -Path \\FS01\VMs -NoVHD -ComputerName HV01 | Start-VM
Move-VM LM1 HV02 -AsJob | Out-Null
Start-Sleep -Seconds 10
Get-Job | Wait-Job | Out-Null
