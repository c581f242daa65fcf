# Beth sy'n mynd o'i le, wedi'i ddweud fel bod person yn gallu gweithredu. Mae pob id yn
# error-<cod>, y cod y mae'r craidd a'r gragen yn ei anfon gyda phob gwrthodiad.
