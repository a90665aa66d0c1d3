# End-to-end tests: the CLI on every sample, scored against ../shared/gold.
add_test(NAME e2e_samples_score
  COMMAND ${CMAKE_COMMAND} -E env FENGONG=$<TARGET_FILE:fengong>
          bash ${CMAKE_SOURCE_DIR}/tests/e2e_score.sh ${CMAKE_SOURCE_DIR} ${FENGONG_SHARED_DIR})
