# End-to-end tests: the CLI on every sample, scored against ../shared/gold, and its contract.
add_test(NAME e2e_samples_score
  COMMAND ${CMAKE_COMMAND} -E env FENGONG=$<TARGET_FILE:fengong>
          bash ${CMAKE_SOURCE_DIR}/tests/e2e_score.sh ${CMAKE_SOURCE_DIR} ${FENGONG_SHARED_DIR})
# Plans on other topics and in other layouts (tests/conventions, hand-made gold): the rules hold
# beyond the five samples. Thresholds a little under today's figures, so a regression fails.
add_test(NAME e2e_conventions_score
  COMMAND ${CMAKE_COMMAND} -E env FENGONG=$<TARGET_FILE:fengong>
          bash ${CMAKE_SOURCE_DIR}/tests/e2e_conventions.sh ${CMAKE_SOURCE_DIR} ${FENGONG_SHARED_DIR}
          tasks=0.99 "units (any role)=0.99" "units (lead)=0.99" "units (responsible)=0.99"
          "targets (in tasks)=0.99" "comparator accuracy=0.99" "goals (document)=0.97"
          "path accuracy=0.97" "metadata accuracy=0.99")
# Plans saved in other encodings (tests/encodings: GB18030 + CRLF, UTF-16LE + BOM, hand-made gold):
# decoded, scored, and their warnings name the right input lines.
add_test(NAME e2e_encodings_score
  COMMAND ${CMAKE_COMMAND} -E env FENGONG=$<TARGET_FILE:fengong>
          bash ${CMAKE_SOURCE_DIR}/tests/e2e_encodings.sh ${CMAKE_SOURCE_DIR} ${FENGONG_SHARED_DIR}
          tasks=0.99 "units (any role)=0.99" "targets (in tasks)=0.99" "goals (document)=0.99"
          "path accuracy=0.99" "metadata accuracy=0.99")
# The same plans as a PDF copy, a web page or a typist would give them (tests/e2e_variants.py).
add_test(NAME e2e_variants_score
  COMMAND python3 ${CMAKE_SOURCE_DIR}/tests/e2e_variants.py $<TARGET_FILE:fengong>
          ${CMAKE_SOURCE_DIR} ${FENGONG_SHARED_DIR})
foreach(check deterministic schema_keys json_matches_yaml stdin bad_inputs text_without_tasks
              usage bad_grammar)
  add_test(NAME e2e_cli_${check}
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/e2e_cli.py $<TARGET_FILE:fengong>
            ${CMAKE_SOURCE_DIR}/samples ${check})
endforeach()
# Batches: corrupt files among many, formats, SQLite, the schema, progress, interruption.
foreach(check batch_with_corrupt_files same_output_for_any_jobs jsonl_and_csv_load_in_python
              schema_validates_samples progress_on_terminal_only
              interrupt_leaves_nothing_half_written inputs_from_lists_and_globs
              unwritable_outputs_stop_the_batch)
  add_test(NAME e2e_batch_${check}
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/e2e_batch.py $<TARGET_FILE:fengong>
            ${CMAKE_SOURCE_DIR} ${check})
endforeach()
# cmake --install into a temporary prefix; a consumer program builds against it (CMake and
# pkg-config) and parses a sample.
add_test(NAME e2e_install_consumer
  COMMAND bash ${CMAKE_SOURCE_DIR}/tests/e2e_install.sh ${CMAKE_BINARY_DIR} ${CMAKE_SOURCE_DIR}
          $<TARGET_FILE:fengong>)
# Any input an analyst has: encodings, Traditional script, and one test per bad-input row of the
# README's table.
foreach(check encodings_match_utf8 encoding_flag invalid_bytes traditional_scores empty
              whitespace_only binary pdf docx xlsx html missing_path directory unreadable
              long_line huge_file unwritable_output no_tasks)
  add_test(NAME e2e_input_${check}
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/e2e_input.py $<TARGET_FILE:fengong>
            ${CMAKE_SOURCE_DIR}/samples ${FENGONG_SHARED_DIR} ${check})
endforeach()
# fengong diff and the unit/theme normalisation behind it.
foreach(check unit_roles themes volunteer_row versions_three_changes saved_outputs cli_contract
              expected_outputs)
  add_test(NAME e2e_diff_${check}
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/e2e_diff.py $<TARGET_FILE:fengong>
            ${CMAKE_SOURCE_DIR}/samples ${CMAKE_SOURCE_DIR}/tests/expected ${check})
endforeach()
