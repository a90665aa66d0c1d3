# Writes OUT: JsonSchema() returning the text of IN (schemas/fengong-1.schema.json).
file(READ ${IN} text)
get_filename_component(name ${IN} NAME)
set(body "// GENERATED FROM schemas/${name} by cmake/embed_schema.cmake; DO NOT EDIT.\n")
string(APPEND body "#include \"schema.h\"\n\nnamespace fengong {\n\n")
string(APPEND body "std::string_view JsonSchema() {\n")
string(APPEND body "  return R\"fengong_schema(${text})fengong_schema\";\n}\n\n}  // namespace fengong\n")
file(WRITE ${OUT}.tmp "${body}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
