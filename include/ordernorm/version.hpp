#pragma once

// Kept equal to project(VERSION) in CMakeLists.txt (checked by a test).
#define ORDERNORM_VERSION "0.1.0"
#define ORDERNORM_VERSION_MAJOR 0
#define ORDERNORM_VERSION_MINOR 1
#define ORDERNORM_VERSION_PATCH 0
